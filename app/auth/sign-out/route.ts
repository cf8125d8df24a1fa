import { handleSignOut } from "@/lib/server/auth/auth-flow";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleSignOut(request);
}
