import { z } from "zod";

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as `GET /api/v1/feed.json` writes it. */
export const jsonFeedItemSchema = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  content_text: z.string(),
  date_published: z.string(),
  tags: z.array(z.string()),
});

export const jsonFeedSchema = z.object({
  version: z.literal("https://jsonfeed.org/version/1.1"),
  title: z.string(),
  home_page_url: z.string(),
  feed_url: z.string(),
  description: z.string(),
  language: z.string(),
  authors: z.array(z.object({ name: z.string() })),
  items: z.array(jsonFeedItemSchema),
});
export type JsonFeed = z.infer<typeof jsonFeedSchema>;
