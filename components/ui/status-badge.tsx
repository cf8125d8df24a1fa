import type { HealthStatus } from "@/lib/shared/health-status";
import { StatusIcon } from "@/components/ui/status-icon";
import { STATUS_STYLES } from "@/components/ui/status-style";

interface StatusBadgeProps {
  status: HealthStatus;
  /** `pill` has a tinted background; `plain` is icon and word only */
  variant?: "pill" | "plain";
  className?: string;
}

/** Icon + word in the status colour. */
export function StatusBadge({ status, variant = "pill", className = "" }: StatusBadgeProps) {
  const style = STATUS_STYLES[status];
  const frame = variant === "pill" ? `rounded-full border px-2 py-0.5 ${style.tint}` : "";
  return (
    <span className={`inline-flex items-center gap-1.5 text-sm font-semibold whitespace-nowrap ${style.text} ${frame} ${className}`}>
      <StatusIcon status={status} />
      {style.label}
    </span>
  );
}
