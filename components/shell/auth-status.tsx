import { connection } from "next/server";
import { readPagePrincipal } from "@/lib/server/auth/authorize";

/** Who is signed in, with sign-out (the admin pages are in the site navigation). Nothing on a laptop with HEALTHDECK_AUTH=none. */
export async function AuthStatus() {
  await connection();
  const principal = await readPagePrincipal();
  if (principal.kind === "local" || principal.kind === "display" || principal.kind === "api-token") return null;
  if (principal.kind === "anonymous") {
    return (
      <a href="/auth/sign-in" className="text-sm font-semibold text-blue-800 underline dark:text-sky-300">
        Sign in
      </a>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span data-signed-in-as={principal.name}>
        {principal.name} ({principal.role})
      </span>
      <form action="/auth/sign-out" method="post">
        <button type="submit" className="font-semibold text-blue-800 underline dark:text-sky-300">
          Sign out
        </button>
      </form>
    </div>
  );
}
