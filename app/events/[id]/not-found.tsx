import { AppLink } from "@/components/ui/app-link";

export default function EventNotFound() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-16 sm:px-6">
      <h1 className="text-2xl font-bold">No such event</h1>
      <p className="mt-2 text-gray-700 dark:text-gray-300">
        Healthdeck has no account event with this id. AWS keeps Health events for about 90 days, and an id from another Healthdeck does not work here.
      </p>
      <p className="mt-6 flex flex-wrap gap-4">
        <AppLink href="/account/events" className="font-semibold text-blue-800 underline dark:text-sky-300">
          Open the event log
        </AppLink>
        <AppLink href="/account" className="font-semibold text-blue-800 underline dark:text-sky-300">
          Your accounts
        </AppLink>
      </p>
    </main>
  );
}
