import { z } from "zod";
import type { MetaRepo } from "@/lib/server/store/contract/store-contract";

/** Who turned a channel off or on again, and when; kept in the store's `meta`, so it survives restarts on both engines. */
const channelSwitchSchema = z.object({ isDisabled: z.boolean(), by: z.string(), at: z.number().int() });
export type ChannelSwitch = z.infer<typeof channelSwitchSchema>;

const metaName = (channelId: string) => `notify.channel-switch:${channelId}`;

export async function readChannelSwitch(meta: Pick<MetaRepo, "get">, channelId: string): Promise<ChannelSwitch | null> {
  const raw = await meta.get(metaName(channelId));
  if (raw === null) return null;
  try {
    const parsed = channelSwitchSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function isChannelDisabled(meta: Pick<MetaRepo, "get">, channelId: string): Promise<boolean> {
  return (await readChannelSwitch(meta, channelId))?.isDisabled === true;
}

export function writeChannelSwitch(meta: Pick<MetaRepo, "set">, channelId: string, value: ChannelSwitch): Promise<void> {
  return meta.set(metaName(channelId), JSON.stringify(value));
}
