import { handleSignIn } from "@/lib/server/auth/auth-flow";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleSignIn(request);
}
