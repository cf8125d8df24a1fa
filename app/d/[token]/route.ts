import { openDisplay } from "@/lib/server/auth/open-display";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  return openDisplay(request, (await context.params).token);
}
