import { handleCallback } from "@/lib/server/auth/auth-flow";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleCallback(request);
}
