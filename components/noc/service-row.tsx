import { memo } from "react";
import type { NocServiceRow } from "@/lib/client/noc/build-noc-model";
import { StatusIcon } from "@/components/ui/status-icon";
import { STATUS_STYLES } from "@/components/ui/status-style";
import { NewTag } from "@/components/noc/new-tag";
import { SinceTime } from "@/components/noc/wall-times";

/** A service-region with a problem: status by icon, word and colour, where, since when, and what AWS says. */
export const ServiceRow = memo(function ServiceRow({ row, isNew }: { row: NocServiceRow; isNew: boolean }) {
  return (
    <div className="noc-row" data-status={row.status} data-new={isNew || undefined} data-service-key={row.key}>
      <p className="noc-line1">
        <span className="noc-chip">
          <StatusIcon status={row.status} className="noc-icon" />
          {STATUS_STYLES[row.status].label}
        </span>
        <span className="noc-title">{row.name}</span>
        <span className="noc-where">{row.region ?? "global"}</span>
        {isNew && <NewTag />}
      </p>
      <p className="noc-line2">
        <span className="noc-where-line2">{row.region ?? "global"} · </span>
        {row.since !== null && <SinceTime iso={row.since} />}
        {row.since !== null && row.summary !== null && " — "}
        {row.summary}
      </p>
    </div>
  );
});
