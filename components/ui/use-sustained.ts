import { useEffect, useState } from "react";

/** True once `condition` has held for `delayMs` without a break; false as soon as it stops holding. */
export function useSustained(condition: boolean, delayMs: number): boolean {
  const [hasHeld, setHasHeld] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setHasHeld(condition), condition ? delayMs : 0);
    return () => clearTimeout(timer);
  }, [condition, delayMs]);
  return condition && hasHeld;
}
