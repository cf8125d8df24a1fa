import { StatusIcon } from "@/components/ui/status-icon";
import { lookUpEntityStatus, lookUpEventStatus, type AccountLook } from "@/components/account/account-status-style";

function LookBadge({ look, variant, className = "" }: { look: AccountLook; variant: "pill" | "plain"; className?: string }) {
  const frame = variant === "pill" ? `rounded-full border px-2 py-0.5 ${look.tint}` : "";
  return (
    <span className={`inline-flex items-center gap-1.5 text-sm font-semibold whitespace-nowrap ${look.text} ${frame} ${className}`}>
      <StatusIcon status={look.icon} />
      {look.label}
    </span>
  );
}

export function EventStatusBadge({ status, variant = "pill", className }: { status: string; variant?: "pill" | "plain"; className?: string }) {
  return <LookBadge look={lookUpEventStatus(status)} variant={variant} className={className} />;
}

export function EntityStatusBadge({ status, variant = "plain", className }: { status: string; variant?: "pill" | "plain"; className?: string }) {
  return <LookBadge look={lookUpEntityStatus(status)} variant={variant} className={className} />;
}

/** A shield with an exclamation mark: security events carry it everywhere, with the word. */
export function SecurityIcon({ className = "size-5" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className={`shrink-0 ${className}`}>
      <path d="M10 1.2 17 4v5.2c0 4.3-2.9 8-7 9.6-4.1-1.6-7-5.3-7-9.6V4Z" fill="currentColor" />
      <path d="M10 5.5v5.3M10 13.6v.3" fill="none" stroke="var(--security-glyph, white)" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

export function SecurityTag() {
  return (
    <span className="inline-flex items-center gap-1 rounded border border-red-700 bg-red-50 px-1.5 py-0.5 text-xs font-bold tracking-wide text-red-800 uppercase dark:border-red-400 dark:bg-red-950 dark:text-red-200 [--security-glyph:var(--color-red-50)] dark:[--security-glyph:var(--color-red-950)]">
      <SecurityIcon className="size-3.5" />
      Security
    </span>
  );
}
