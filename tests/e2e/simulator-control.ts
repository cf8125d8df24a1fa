import type { APIRequestContext } from "@playwright/test";

import { SIMULATOR_URL } from "../../playwright.config";

export { SIMULATOR_URL };

/** Drives the simulator started by playwright.config.ts over its control API (a real HTTP server). */
export async function simulatorPost(request: APIRequestContext, path: string, data?: unknown): Promise<void> {
  const response = await request.post(`${SIMULATOR_URL}/__sim/${path}`, data === undefined ? {} : { data });
  if (!response.ok()) throw new Error(`simulator ${path} answered ${response.status()}: ${await response.text()}`);
}

export const resetSimulator = async (request: APIRequestContext) => {
  await simulatorPost(request, "fault", { target: "all", fault: null });
  await simulatorPost(request, "reset");
};
export const stepSimulator = (request: APIRequestContext) => simulatorPost(request, "step");
export const setFault = (request: APIRequestContext, target: string, fault: unknown) =>
  simulatorPost(request, "fault", { target, fault });
