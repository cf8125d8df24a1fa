import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { z } from "zod";
import { loadDefaultCatalog, rawCatalogEntrySchema, type RawCatalogEntry } from "@/lib/simulator/default-catalog";
import { handleDocumentRequest } from "@/lib/simulator/handle-document-request";
import { createNotifyInbox, INBOX_PREFIX } from "@/lib/simulator/notify-inbox/create-notify-inbox";
import {
  CONTROL_PREFIX,
  handleControlRequest,
  type SimulatorControl,
  type SimulatorState,
} from "@/lib/simulator/handle-control-request";
import { parseScenario } from "@/lib/simulator/load-scenario";
import { createResponseTracker } from "@/lib/simulator/response-tracker";
import type { Scenario } from "@/lib/simulator/scenario-schema";
import { createScenarioRunner, type ScenarioRunner, type StepInfo } from "@/lib/simulator/scenario-runner";
import { CATALOG_PATH, CURRENT_EVENTS_PATH, RSS_PREFIX, createDocumentStore } from "@/lib/simulator/simulated-documents";
import type { Fault, FaultTarget } from "@/lib/simulator/simulator-fault";
import { createStatsRecorder, type SimulatorStats } from "@/lib/simulator/simulator-stats";

export interface PublicStatusSimulatorOptions {
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  scenario: Scenario;
  /** Defaults to services-snapshot.json when present, else a small built-in list. */
  catalog?: RawCatalogEntry[];
  /** Delay before every upstream document response (not the /__sim/ control routes). */
  latencyMs?: number;
  /** Clock in epoch milliseconds; stamps updates and Last-Modified. */
  now?: () => number;
  /** A runner shared with the Health API simulator (one world for both fake upstreams); default: its own. */
  runner?: ScenarioRunner;
}

export interface PublicStatusSimulator {
  /** Base URL, e.g. http://127.0.0.1:4010 */
  url: string;
  currentEventsUrl: string;
  /** Ends with /rss/; append `all.rss` or `<key>.rss`. */
  rssBaseUrl: string;
  catalogUrl: string;
  step(): StepInfo;
  reset(): void;
  setFault(fault: Fault | null, target?: FaultTarget): void;
  stats(): SimulatorStats;
  resetStats(): void;
  state(): SimulatorState;
  close(): Promise<void>;
}

type DocumentFaultTarget = Exclude<FaultTarget, "all">;
const DOCUMENT_TARGETS: DocumentFaultTarget[] = ["currentevents", "rss", "catalog"];

export async function createPublicStatusSimulator(options: PublicStatusSimulatorOptions): Promise<PublicStatusSimulator> {
  const scenario = parseScenario(options.scenario, `"${options.scenario.name}"`);
  const catalog = options.catalog ? z.array(rawCatalogEntrySchema).parse(options.catalog) : loadDefaultCatalog();
  const now = options.now ?? Date.now;
  const latencyMs = options.latencyMs ?? 0;
  const runner = options.runner ?? createScenarioRunner({ scenario, catalog, now });
  const documents = createDocumentStore({ getWorld: runner.world, catalog, now });
  const stats = createStatsRecorder();
  const tracker = createResponseTracker();
  const faults: Record<DocumentFaultTarget, Fault | null> = { currentevents: null, rss: null, catalog: null };
  const inbox = createNotifyInbox(now);

  const control: SimulatorControl = {
    step: runner.step,
    reset: runner.reset,
    setFault(fault, target = "all") {
      const targets = target === "all" ? DOCUMENT_TARGETS : [target];
      for (const name of targets) faults[name] = fault;
    },
    resetStats: stats.reset,
    state: () => ({
      scenario: scenario.name,
      stepIndex: runner.stepIndex(),
      stepCount: scenario.steps.length,
      faults: { ...faults },
      latencyMs,
      stats: stats.snapshot(),
    }),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      await handleControlRequest(req, res, url.pathname, control);
      return;
    }
    if (url.pathname === INBOX_PREFIX || url.pathname.startsWith(`${INBOX_PREFIX}/`)) {
      await inbox.handle(req, res, url);
      return;
    }
    stats.countRequest(url.pathname);
    const target = documents.targetOf(url.pathname);
    handleDocumentRequest(req, res, url, target ? faults[target] : null, { documents, stats, tracker, latencyMs });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`simulator error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("simulator is not listening on a TCP port");
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  let closing: Promise<void> | undefined;

  return {
    url,
    currentEventsUrl: `${url}${CURRENT_EVENTS_PATH}`,
    rssBaseUrl: `${url}${RSS_PREFIX}`,
    catalogUrl: `${url}${CATALOG_PATH}`,
    step: control.step,
    reset: control.reset,
    setFault: control.setFault,
    stats: stats.snapshot,
    resetStats: control.resetStats,
    state: control.state,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        tracker.closeAll();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })),
  };
}
