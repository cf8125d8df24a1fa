import type { Metadata } from "next";

export const metadata: Metadata = { title: "Signed out" };

export default function SignedOutPage() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-3xl space-y-4 px-4 py-10 focus:outline-none">
      <h1 className="text-2xl font-bold tracking-tight">You are signed out</h1>
      <p>
        <a className="font-semibold text-blue-800 underline dark:text-sky-300" href="/auth/sign-in">
          Sign in again
        </a>
      </p>
    </main>
  );
}
