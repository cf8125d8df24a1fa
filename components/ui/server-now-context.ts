import { createContext } from "react";

/** The instant the server rendered the page (epoch ms); relative times use it until the page has hydrated. */
export const ServerNowContext = createContext<number | null>(null);
