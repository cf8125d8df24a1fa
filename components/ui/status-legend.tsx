import { STATUS_ORDER } from "@/lib/shared/health-status-order";
import { StatusIcon } from "@/components/ui/status-icon";
import { STATUS_STYLES } from "@/components/ui/status-style";

export function StatusLegend() {
  return (
    <div className="text-sm">
      <h3 className="sr-only">Legend</h3>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {STATUS_ORDER.map((status) => {
          const style = STATUS_STYLES[status];
          return (
            <li key={status} className="inline-flex items-center gap-1.5" title={style.description}>
              <StatusIcon status={status} className={`size-4 ${style.text}`} />
              <span className={`font-semibold ${style.text}`}>{style.label}</span>
              <span className="text-gray-600 dark:text-gray-400">— {style.description}</span>
            </li>
          );
        })}
        <li className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="w-4 text-center text-gray-500 dark:text-gray-400">
            ·
          </span>
          <span className="text-gray-600 dark:text-gray-400">not listed in that region</span>
        </li>
      </ul>
    </div>
  );
}
