import type { CSSProperties } from "react";
import type { AffectedEntity } from "@/lib/shared/account-health-contract";
import { formatLocal, formatUtc } from "@/lib/client/format-time";
import { readHttpUrl } from "@/lib/client/account/entity-links";
import { EntityStatusBadge } from "@/components/account/account-badges";

/** Shared by the header, the rows and the probe, so the columns line up: stacked below lg, a grid above. */
export const ENTITY_COLUMNS_LG = "lg:grid-cols-[minmax(10rem,1.2fr)_minmax(14rem,2fr)_9rem_8.5rem_10.5rem]";
export const ENTITY_ROW_GRID = `grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 px-3 lg:items-center ${ENTITY_COLUMNS_LG}`;
export const ENTITY_ROW_HEIGHT = "h-[4.75rem] lg:h-10";

const CELL = "min-w-0 truncate";

interface EntityRowProps {
  entity: AffectedEntity;
  /** 1-based, counting the header row, for aria-rowindex */
  rowIndex: number;
  style?: CSSProperties;
  striped: boolean;
}

function EntityValue({ entity }: { entity: AffectedEntity }) {
  const href = readHttpUrl(entity.entityUrl);
  if (href === null) return <span className="font-medium">{entity.entityValue}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="font-medium text-blue-800 underline dark:text-sky-300">
      {entity.entityValue}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

function UpdatedAt({ iso }: { iso: string | null }) {
  if (iso === null) return <span className="text-gray-600 dark:text-gray-400">—</span>;
  const local = formatLocal(iso);
  return (
    <time dateTime={iso} title={local === null ? undefined : `Local: ${local}`} className="tabular-nums">
      {formatUtc(iso)}
    </time>
  );
}

export function EntityRow({ entity, rowIndex, style, striped }: EntityRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      style={style}
      className={`${ENTITY_ROW_GRID} ${ENTITY_ROW_HEIGHT} absolute inset-x-0 top-0 content-center border-b border-gray-100 text-sm dark:border-gray-800 ${striped ? "bg-gray-50 dark:bg-gray-900/60" : "bg-white dark:bg-gray-900"}`}
    >
      <div role="cell" className={CELL} title={entity.entityValue}>
        <EntityValue entity={entity} />
      </div>
      <div role="cell" className={`${CELL} col-span-2 row-start-2 font-mono text-xs text-gray-700 lg:col-span-1 lg:row-start-auto dark:text-gray-300`} title={entity.entityArn ?? undefined}>
        {entity.entityArn ?? <span aria-label="no ARN">—</span>}
      </div>
      <div role="cell" className={`${CELL} row-start-3 font-mono text-xs lg:row-start-auto lg:text-sm`}>
        {entity.accountId ?? "—"}
      </div>
      <div role="cell" className={`${CELL} col-start-2 row-start-1 lg:col-start-auto lg:row-start-auto`}>
        <EntityStatusBadge status={entity.status} />
      </div>
      <div role="cell" className={`${CELL} col-start-2 row-start-3 text-xs lg:col-start-auto lg:row-start-auto lg:text-sm`}>
        <UpdatedAt iso={entity.lastUpdatedTime} />
      </div>
    </div>
  );
}
