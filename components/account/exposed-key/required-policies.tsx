import type { ExposedKeyResponse } from "@/lib/shared/exposed-key-contract";

/** The exact IAM policies of the two roles, to copy. */
export function RequiredPolicies({ view }: { view: ExposedKeyResponse }) {
  return (
    <details className="rounded-md border border-gray-300 p-3 dark:border-gray-600">
      <summary className="cursor-pointer font-semibold">IAM permissions this needs</summary>
      <div className="mt-3 space-y-3 text-sm">
        <p>
          Read-only role (<code>HEALTHDECK_RESPONDER_ROLE</code>, {view.settings.readRoleConfigured ? "set" : "not set: Healthdeck's own credentials are used"}): key state and the CloudTrail look-up.
        </p>
        <pre className="overflow-x-auto rounded bg-gray-100 p-2 dark:bg-gray-900">{view.policies.readOnlyRole}</pre>
        <p>
          Action role (<code>HEALTHDECK_RESPONDER_ACTION_ROLE</code>, {view.settings.actionRoleConfigured ? "set" : "not set"}): deactivation only. It never deletes a key and never touches policies.
        </p>
        <pre className="overflow-x-auto rounded bg-gray-100 p-2 dark:bg-gray-900">{view.policies.actionRole}</pre>
        <p>Both roles must trust the principal Healthdeck runs as, in every account it watches. See docs/security-response.md.</p>
      </div>
    </details>
  );
}
