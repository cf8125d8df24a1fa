"use client";

import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-16 sm:px-6">
      <h1 className="text-2xl font-bold">This page could not be shown</h1>
      <p role="alert" className="mt-2 text-gray-700 dark:text-gray-300">
        Healthdeck hit an error while reading its status store.
        {error.digest !== undefined && <> Reference: <code className="font-mono">{error.digest}</code>.</>}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-gray-900 px-4 py-2 font-semibold text-white hover:bg-gray-700 dark:bg-gray-100 dark:text-gray-950 dark:hover:bg-gray-300"
      >
        Try again
      </button>
    </main>
  );
}
