import type { TokenView } from "@/lib/server/auth/open-display";

const formatTime = (ms: number | null) => (ms === null ? "never" : new Date(ms).toISOString().replace("T", " ").slice(0, 19) + " UTC");

/** Tokens of one kind with their last use and a revoke button each; secrets are never shown here (only hashes are kept). */
export function TokenTable({ tokens, back, showView }: { tokens: readonly TokenView[]; back: string; showView: boolean }) {
  if (tokens.length === 0) return <p className="text-gray-700 dark:text-gray-300">None yet.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead>
        <tr>
          <th className="py-1 pr-3">Name</th>
          {showView ? <th className="py-1 pr-3">View</th> : <th className="py-1 pr-3">Scopes</th>}
          <th className="py-1 pr-3">Created</th>
          <th className="py-1 pr-3">Expires</th>
          <th className="py-1 pr-3">Last seen</th>
          <th className="py-1 pr-3">State</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id} data-token-id={token.id} className="border-t border-gray-200 dark:border-gray-800">
            <td className="py-1 pr-3">{token.name}</td>
            <td className="py-1 pr-3">{showView ? token.viewPath : token.scopes.join(", ")}</td>
            <td className="py-1 pr-3">
              {formatTime(token.createdAt)} by {token.createdBy}
            </td>
            <td className="py-1 pr-3">{token.expiresAt === null ? "no expiry" : formatTime(token.expiresAt)}</td>
            <td className="py-1 pr-3">
              {formatTime(token.lastUsedAt)}
              {token.lastUsedAddress ? ` from ${token.lastUsedAddress}` : ""}
            </td>
            <td className="py-1 pr-3">
              {token.revokedAt !== null ? (
                `revoked ${formatTime(token.revokedAt)}`
              ) : (
                <form action="/admin/tokens/revoke" method="post">
                  <input type="hidden" name="id" value={token.id} />
                  <input type="hidden" name="back" value={back} />
                  <button type="submit" className="font-semibold text-red-800 underline dark:text-red-300">
                    Revoke {token.name}
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
