import { handleCreateApiToken } from "@/lib/server/auth/admin-handlers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleCreateApiToken(request);
}
