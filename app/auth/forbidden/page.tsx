import type { Metadata } from "next";

export const metadata: Metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-3xl space-y-4 px-4 py-10 focus:outline-none">
      <h1 className="text-2xl font-bold tracking-tight">Not allowed</h1>
      <p>Your role does not include this page. Ask an administrator if you need it.</p>
    </main>
  );
}
