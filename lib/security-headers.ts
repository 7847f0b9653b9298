// Response headers every answer carries (issue 9, OWASP ASVS V3.4): a strict Content-Security-Policy with
// a per-request nonce (no inline script runs without it), HSTS, no framing, no MIME sniffing and a
// referrer policy. Set by proxy.ts, the one place every request passes; no Next, React or Prisma here.

export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
  "cross-origin-opener-policy": "same-origin",
};

/** 128 random bits, base64: unguessable and new for every request. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy of an HTML page: scripts only from this origin with the request's nonce ('strict-dynamic'
 * lets those load Next's chunks); styles may be inline because React and radix-ui set style attributes,
 * which cannot carry a nonce. Development adds 'unsafe-eval' for React's dev tooling and HMR.
 * An API answer is never a document: nothing at all may load or frame it.
 */
export function contentSecurityPolicy(nonce: string, options: { isApi?: boolean; isDev?: boolean } = {}): string {
  if (options.isApi) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${options.isDev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function applySecurityHeaders(headers: Headers, csp: string | null): void {
  for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) headers.set(name, value);
  if (csp) headers.set("content-security-policy", csp);
}
