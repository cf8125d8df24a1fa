"use client";

import type { SourceHealth } from "@/lib/shared/public-status-contract";
import { judgeSource, type SourceDisplayState } from "@/lib/client/source-freshness";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusIcon } from "@/components/ui/status-icon";
import { useNow } from "@/components/ui/use-now";

const STATE_LOOK: Record<SourceDisplayState, { word: string; icon: "operational" | "degraded" | "disrupted" | "unknown"; text: string }> = {
  ok: { word: "Live", icon: "operational", text: "text-emerald-800 dark:text-emerald-300" },
  stale: { word: "Stale", icon: "degraded", text: "text-amber-800 dark:text-amber-300" },
  error: { word: "Error", icon: "disrupted", text: "text-red-800 dark:text-red-300" },
  disabled: { word: "Off", icon: "unknown", text: "text-gray-700 dark:text-gray-300" },
  unavailable: { word: "Unavailable", icon: "disrupted", text: "text-red-800 dark:text-red-300" },
};

const CODE = "rounded bg-gray-100 px-1 font-mono text-[0.85em] dark:bg-gray-800";

export function EnableAccountHealthHelp() {
  return (
    <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-gray-800 dark:text-gray-200">
      <li>
        <span className="font-semibold">AWS Health API</span> (needs a Business, Enterprise On-Ramp or Enterprise Support plan): give Healthdeck
        AWS credentials through the SDK&apos;s default chain (environment, profile, SSO, container or instance role) with{" "}
        <code className={CODE}>health:Describe*</code>, and leave <code className={CODE}>HEALTHDECK_ACCOUNT_HEALTH=auto</code> or set it to{" "}
        <code className={CODE}>on</code>. Several accounts: <code className={CODE}>HEALTHDECK_ASSUME_ROLES</code>; an organization:{" "}
        <code className={CODE}>HEALTHDECK_ORG_VIEW</code>.
      </li>
      <li>
        <span className="font-semibold">EventBridge push</span> (any plan): set <code className={CODE}>HEALTHDECK_INGEST_TOKEN</code> and point an
        EventBridge API destination for <code className={CODE}>aws.health</code> events at <code className={CODE}>POST /api/v1/ingest/eventbridge</code>{" "}
        (see <span className="font-semibold">docs/api.md</span>).
      </li>
    </ul>
  );
}

function SourceLine({ source, state }: { source: SourceHealth; state: SourceDisplayState }) {
  const look = STATE_LOOK[state];
  return (
    <li className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5">
      <StatusIcon status={look.icon} className={`size-3.5 ${look.text}`} />
      <span className="font-medium">{source.label}</span>
      <span className={`font-semibold ${look.text}`}>{look.word}</span>
      {source.lastSuccessAt !== null && (
        <span>
          · updated <RelativeTime iso={source.lastSuccessAt} />
        </span>
      )}
      {state !== "ok" && source.error !== null && <span className="basis-full pl-5 text-gray-800 sm:basis-auto sm:pl-0 dark:text-gray-200">— {source.error}</span>}
    </li>
  );
}

/** Where account data comes from and whether it is flowing; with no source at all, how to turn one on. */
interface AccountSourceStateProps {
  sources: readonly SourceHealth[];
  /** without a source: a link to the account page instead of the full set-up help */
  compact?: boolean;
  /** inside a section that already has an h2 */
  nested?: boolean;
}

export function AccountSourceState({ sources, compact = false, nested = false }: AccountSourceStateProps) {
  const now = useNow();
  const judged = sources.map((source) => ({ source, state: judgeSource(source, now) }));
  const flowing = judged.some(({ state }) => state === "ok");
  const allOff = judged.every(({ state }) => state === "disabled");
  const Heading = nested ? "h3" : "h2";
  const problems = judged.filter(({ state }) => state === "stale" || state === "error" || state === "unavailable");

  if (judged.length === 0 || allOff) {
    return (
      <section aria-labelledby="account-source-heading" className="rounded-md border border-gray-300 bg-white px-4 py-3 dark:border-gray-700 dark:bg-gray-900">
        <Heading id="account-source-heading" className="flex items-center gap-2 font-bold">
          <StatusIcon status="unknown" className="size-4 text-gray-700 dark:text-gray-300" />
          No account source is turned on
        </Heading>
        {judged.length > 0 && (
          <ul className="mt-1 text-sm">
            {judged.map(({ source, state }) => (
              <SourceLine key={source.id} source={source} state={state} />
            ))}
          </ul>
        )}
        {compact ? (
          <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
            Healthdeck can show your own accounts&apos; AWS Health events here.{" "}
            <a href="/account" className="font-semibold text-blue-800 underline dark:text-sky-300">
              How to turn it on
            </a>
          </p>
        ) : (
          <>
            <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">Healthdeck shows your accounts&apos; AWS Health events once one of these is set up:</p>
            <EnableAccountHealthHelp />
          </>
        )}
      </section>
    );
  }

  return (
    <section aria-labelledby="account-source-heading" className="space-y-2">
      <Heading id="account-source-heading" className="sr-only">
        Account data sources
      </Heading>
      {problems.length > 0 && (
        <div role="status" className="rounded-md border-2 border-amber-500 bg-amber-50 px-4 py-2 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50">
          <p className="flex items-center gap-2 font-bold">
            <StatusIcon status="degraded" className="size-4 text-amber-700 dark:text-amber-300" />
            {flowing ? "Part of your account data is not updating." : "Your account data is not updating: what you see may be out of date."}
          </p>
        </div>
      )}
      <ul className="flex flex-col gap-1 text-sm text-gray-700 dark:text-gray-300">
        {judged.map(({ source, state }) => (
          <SourceLine key={source.id} source={source} state={state} />
        ))}
      </ul>
    </section>
  );
}
