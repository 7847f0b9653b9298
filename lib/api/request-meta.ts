// The client's address (sign-in limits per address, the audit trail) and what an audited change records
// about its request.
//
// X-Forwarded-For is written by whoever sends the request: only the entries appended by our OWN proxies can
// be trusted. With TRUSTED_PROXY_HOPS = N proxies in front of the app (a load balancer is 1), each appends the
// address it received the request from, so the Nth entry from the right is the one our outermost proxy saw —
// the client's; anything left of it may be forged. With 0 (the default: nothing in front) the header is
// ignored entirely, and so is X-Real-IP: Next.js (16) gives route handlers and next-auth's authorize() no
// socket address — it only copies the socket's address into X-Forwarded-For when the client sent none, which
// a client can pre-empt — so the address is unknown (null). The sign-in limiter then counts every unknown
// address as one (lib/data/rate-limits.ts UNKNOWN_ADDRESS).
import type { AuditMeta } from "@/lib/data/stage-config";
import { trustedProxyHops } from "@/lib/env";

const MAX_ADDRESS_LENGTH = 64;

/** The client address from an X-Forwarded-For value behind `hops` trusted proxies; null when unknown. */
export function clientIpFromForwardedFor(header: string | null | undefined, hops: number): string | null {
  if (hops < 1 || !header) return null;
  const entries = header.split(",").map((entry) => entry.trim());
  // Fewer entries than proxies: the request did not come through all of ours, so nothing in it is vouched for.
  if (entries.length < hops) return null;
  const address = entries[entries.length - hops];
  if (!address || address.length > MAX_ADDRESS_LENGTH || /\s/.test(address)) return null;
  return address;
}

/** The client address of a request, as TRUSTED_PROXY_HOPS says to read it; null when unknown. */
export function clientIpOf(headers: Pick<Headers, "get">, hops = trustedProxyHops()): string | null {
  return clientIpFromForwardedFor(headers.get("x-forwarded-for"), hops);
}

export function auditMetaOf(request: Request): AuditMeta {
  return { ip: clientIpOf(request.headers) };
}
