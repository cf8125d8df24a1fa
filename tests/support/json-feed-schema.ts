import { z } from "zod";

/**
 * The required fields of JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written from the spec and independent of
 * the app's own contract: version URL, title, items with a string id and content_html or content_text.
 */
export const jsonFeed11Schema = z.object({
  version: z.literal("https://jsonfeed.org/version/1.1"),
  title: z.string().min(1),
  home_page_url: z.url().optional(),
  feed_url: z.url().optional(),
  authors: z.array(z.object({ name: z.string().optional(), url: z.url().optional() })).optional(),
  items: z.array(
    z
      .object({
        id: z.string().min(1),
        url: z.url().optional(),
        title: z.string().optional(),
        content_html: z.string().optional(),
        content_text: z.string().optional(),
        date_published: z.iso.datetime({ offset: true }).optional(),
        date_modified: z.iso.datetime({ offset: true }).optional(),
        tags: z.array(z.string()).optional(),
      })
      .refine((item) => item.content_html !== undefined || item.content_text !== undefined, "an item needs content_html or content_text"),
  ),
});
