import type { ServiceStatus, StatusResponse } from "@/lib/shared/public-status-contract";

/**
 * StatusResponse with the operational service-region pairs packed as region indexes per service slug.
 * The board page hands this to the browser as its first data: at AWS scale (~5,800 pairs) the plain
 * array would add ~700 KB to the HTML, the packed form ~30 KB. Lossless except for the order of `services`.
 */
export interface CompactStatusResponse extends Omit<StatusResponse, "services"> {
  regions: (string | null)[];
  /** service slug → display name, for the packed entries */
  names: Record<string, string>;
  /** service slug → indexes into `regions` of its operational entries */
  operational: Record<string, number[]>;
  /** every entry that does not pack: not operational, has a `since`, or an unusual key or name */
  others: ServiceStatus[];
}

function defaultKey(service: string, region: string | null): string {
  return region === null ? service : `${service}-${region}`;
}

export function compactStatusResponse(response: StatusResponse): CompactStatusResponse {
  const { services, ...rest } = response;
  const regions: (string | null)[] = [];
  const regionIndex = new Map<string | null, number>();
  const names: Record<string, string> = {};
  const operational: Record<string, number[]> = {};
  const others: ServiceStatus[] = [];
  for (const entry of services) {
    const packable =
      entry.status === "operational" &&
      entry.since === null &&
      entry.account === null &&
      entry.key === defaultKey(entry.service, entry.region) &&
      (names[entry.service] === undefined || names[entry.service] === entry.name);
    if (!packable) {
      others.push(entry);
      continue;
    }
    names[entry.service] = entry.name;
    let index = regionIndex.get(entry.region);
    if (index === undefined) {
      index = regions.length;
      regions.push(entry.region);
      regionIndex.set(entry.region, index);
    }
    (operational[entry.service] ??= []).push(index);
  }
  return { ...rest, regions, names, operational, others };
}

export function expandStatusResponse(compact: CompactStatusResponse): StatusResponse {
  const { regions, names, operational, others, ...rest } = compact;
  const services: ServiceStatus[] = [...others];
  for (const [service, indexes] of Object.entries(operational)) {
    const name = names[service] ?? service;
    for (const index of indexes) {
      const region = regions[index] ?? null;
      services.push({ key: defaultKey(service, region), service, region, name, status: "operational", since: null, account: null });
    }
  }
  return { ...rest, services };
}
