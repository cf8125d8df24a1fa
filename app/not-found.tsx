import { AppLink } from "@/components/ui/app-link";

export default function NotFound() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-16 sm:px-6">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-gray-700 dark:text-gray-300">There is nothing at this address.</p>
      <p className="mt-6">
        <AppLink href="/" className="font-semibold text-blue-700 underline dark:text-sky-300">
          Go to the status board
        </AppLink>
      </p>
    </main>
  );
}
