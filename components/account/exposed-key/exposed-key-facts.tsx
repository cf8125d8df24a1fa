import type { ReactNode } from "react";
import type { ExposedKeyResponse } from "@/lib/shared/exposed-key-contract";
import { TimeStamp } from "@/components/ui/time-stamp";

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm text-gray-600 dark:text-gray-400">{term}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}

const none = (text: string) => <span className="text-gray-700 dark:text-gray-300">{text}</span>;

/** Words first, colour second: the status reads the same without colour. */
function KeyStatus({ status }: { status: "Active" | "Inactive" | "unknown" }) {
  if (status === "Active") return <strong className="text-red-800 dark:text-red-300">Active: the key still works</strong>;
  if (status === "Inactive") return <strong className="text-green-800 dark:text-green-300">Inactive: the key no longer works</strong>;
  return <strong>Unknown: not read from IAM</strong>;
}

/** What the event says about the key, and what IAM says now. */
export function ExposedKeyFacts({ view }: { view: ExposedKeyResponse }) {
  const { facts, keyState } = view;
  return (
    <div className="space-y-4">
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 xl:grid-cols-4">
        <Fact term="Access key">{facts.maskedKeyId ? <span className="font-mono">{facts.maskedKeyId}</span> : none("the event names no key id")}</Fact>
        <Fact term="IAM user">{facts.userName ?? keyState?.userName ?? none("not named by the event")}</Fact>
        <Fact term="Account">{facts.accountId ? <span className="font-mono">{facts.accountId}</span> : none("not reported")}</Fact>
        <Fact term="Found by AWS">{facts.foundAt ? <TimeStamp iso={facts.foundAt} /> : none("not reported")}</Fact>
        <Fact term="Where it was found">
          {facts.exposedUrl ? (
            <a href={facts.exposedUrl} rel="noreferrer noopener nofollow" target="_blank" className="break-all text-blue-800 underline dark:text-sky-300">
              {facts.exposedUrl}
            </a>
          ) : (
            none("not reported")
          )}
        </Fact>
        {facts.respondBy && <Fact term="AWS asks for action by">{facts.respondBy}</Fact>}
        <Fact term="Key state (IAM)">{keyState ? <KeyStatus status={keyState.status} /> : none("not read yet: it is read with the look-up")}</Fact>
        <Fact term="Last used">
          {keyState?.lastUsed?.at ? (
            <>
              <TimeStamp iso={keyState.lastUsed.at} />
              <span className="block text-sm">
                {keyState.lastUsed.service ?? "unknown service"} in {keyState.lastUsed.region ?? "unknown region"}
              </span>
            </>
          ) : (
            none(keyState ? "never, or not reported" : "not read yet")
          )}
        </Fact>
        <Fact term="AWS quarantine policy">
          {!keyState || !keyState.quarantineKnown
            ? none("not known")
            : keyState.quarantinePolicies.length > 0
              ? `Attached: ${keyState.quarantinePolicies.join(", ")} (do not remove it)`
              : "Not attached"}
        </Fact>
      </dl>
      {keyState && keyState.problems.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-sm" aria-label="Problems reading the key's state">
          {keyState.problems.map((problem, index) => (
            <li key={index}>
              <strong>Could not read everything:</strong> {problem.reason}
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm">{facts.supportCaseHint}</p>
    </div>
  );
}
