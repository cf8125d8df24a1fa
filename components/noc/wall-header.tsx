import { WallClockFace } from "@/components/noc/wall-clock-face";

/** What this screen covers, and the time. */
export function WallHeader({ scopeText, isSimulated }: { scopeText: string; isSimulated: boolean }) {
  return (
    <header className="noc-top">
      <div className="noc-brand">
        <p className="noc-kicker">
          <span className="noc-kicker-text">Healthdeck · AWS health</span>
          {isSimulated && <span className="noc-sim">Simulated data</span>}
        </p>
        <h1 className="noc-scope">{scopeText}</h1>
      </div>
      <WallClockFace />
    </header>
  );
}
