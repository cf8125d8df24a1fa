import { NOC_PARAMS } from "@/lib/client/noc/parse-noc-params";

const EXAMPLE = "/noc?region=eu-west-1,us-east-1&service=ec2,rds&rotate=20&density=far";

/** A wall link with a mistake shows the mistake, large, instead of a screen that silently shows something else. */
export function NocConfigError({ message }: { message: string }) {
  return (
    <div className="noc" data-theme="dark" data-distance="near">
      <main id="main" className="noc-config-error">
        <h1>This wall screen&apos;s address is not valid</h1>
        <p role="alert" className="noc-config-message">
          {message}
        </p>
        <p>
          Parameters: <code>{NOC_PARAMS.join(", ")}</code>. Every one is optional; see <code>docs/noc.md</code>.
        </p>
        <p>
          Example: <code>{EXAMPLE}</code>
        </p>
      </main>
    </div>
  );
}
