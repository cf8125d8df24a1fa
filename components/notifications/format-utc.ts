/** "2026-12-07 15:52:30 UTC": the same on the server and in every browser. */
export const formatUtc = (iso: string | null) => (iso ? iso.replace("T", " ").replace(/(\.\d+)?Z$/, " UTC") : "—");
