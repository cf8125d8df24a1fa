import { handleNotifyTest } from "@/lib/server/outputs/admin/handle-notify-admin";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleNotifyTest(request);
}
