import { setZodJitless } from "@/lib/client/set-zod-jitless";

// Runs before the app's code in the browser, so zod (loaded later, only by what needs it) never probes for eval.
setZodJitless();
