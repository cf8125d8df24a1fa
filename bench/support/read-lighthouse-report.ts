import { readFileSync } from "node:fs";
import { z } from "zod";

const auditSchema = z.object({
  id: z.string(),
  title: z.string(),
  score: z.number().nullable(),
  scoreDisplayMode: z.string(),
  displayValue: z.string().optional(),
  numericValue: z.number().optional(),
  details: z
    .object({
      overallSavingsMs: z.number().optional(),
      items: z
        .array(
          z.looseObject({
            node: z.looseObject({ selector: z.string().optional(), snippet: z.string().optional() }).optional(),
            group: z.string().optional(),
            duration: z.number().optional(),
            url: z.string().optional(),
            total: z.number().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});

const categorySchema = z.object({
  title: z.string(),
  score: z.number().nullable(),
  auditRefs: z.array(z.object({ id: z.string(), weight: z.number() })),
});

const reportSchema = z.object({
  lighthouseVersion: z.string(),
  finalDisplayedUrl: z.string().optional(),
  runWarnings: z.array(z.string()).default([]),
  environment: z.looseObject({ benchmarkIndex: z.number().optional() }).optional(),
  categories: z.record(z.string(), categorySchema),
  audits: z.record(z.string(), auditSchema),
});

export type LighthouseReport = z.infer<typeof reportSchema>;
export type LighthouseAudit = z.infer<typeof auditSchema>;

export function readLighthouseReport(file: string): LighthouseReport {
  return reportSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

/** Audits of a category that lost points (or, for weight-0 opportunities, flag savings), biggest loss first. */
export function listFailingAudits(report: LighthouseReport, categoryId: string, limit: number): { audit: LighthouseAudit; weight: number }[] {
  const category = report.categories[categoryId];
  if (!category) return [];
  const failing: { audit: LighthouseAudit; weight: number }[] = [];
  for (const ref of category.auditRefs) {
    const audit = report.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= 1) continue;
    if (audit.scoreDisplayMode === "informative" || audit.scoreDisplayMode === "notApplicable" || audit.scoreDisplayMode === "manual") continue;
    failing.push({ audit, weight: ref.weight });
  }
  const loss = (item: { audit: LighthouseAudit; weight: number }) => item.weight * (1 - (item.audit.score ?? 1));
  const savings = (item: { audit: LighthouseAudit }) => item.audit.details?.overallSavingsMs ?? 0;
  return failing.sort((a, b) => loss(b) - loss(a) || savings(b) - savings(a)).slice(0, limit);
}
