import { makeZodJitless } from "@/lib/client/make-zod-jitless";

// Runs before the app's code in the browser. zod otherwise probes `new Function("")` once to decide whether it may
// compile parsers, and the Content-Security-Policy (no 'unsafe-eval') reports that probe as a violation.
makeZodJitless();
