import "server-only";
import type { HistoryQuery } from "@/lib/shared/history-query";
import type { HistoryResponse } from "@/lib/shared/public-status-contract";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { buildPublicHistory } from "@/lib/server/services/build-public-history";

export function getPublicHistory(query: HistoryQuery): Promise<HistoryResponse> {
  return buildPublicHistory(getRuntime(), query);
}
