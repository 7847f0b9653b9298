// What an audited change records about the request it came from.
import type { AuditMeta } from "@/lib/data/stage-config";

/** The client address as the proxy in front of the app reports it (first hop of X-Forwarded-For). */
export function clientIpOf(headers: Pick<Headers, "get">): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim() || null;
  return ip ? ip.slice(0, 64) : null;
}

export function auditMetaOf(request: Request): AuditMeta {
  return { ip: clientIpOf(request.headers) };
}
