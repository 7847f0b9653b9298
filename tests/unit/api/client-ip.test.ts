// The client address behind TRUSTED_PROXY_HOPS trusted proxies (lib/api/request-meta.ts): the Nth
// X-Forwarded-For entry from the right, never what the client wrote left of it; nothing with 0 hops.
import { afterEach, describe, expect, it, vi } from "vitest";
import { clientIpFromForwardedFor, clientIpOf } from "@/lib/api/request-meta";
import { trustedProxyHops } from "@/lib/env";

describe("clientIpFromForwardedFor", () => {
  it("ignores the header entirely with 0 hops (nothing in front of the app vouches for it)", () => {
    expect(clientIpFromForwardedFor("203.0.113.5", 0)).toBeNull();
    expect(clientIpFromForwardedFor("203.0.113.5, 10.0.0.1", 0)).toBeNull();
  });

  it("takes the Nth entry from the right behind N proxies, whatever the client forged before it", () => {
    expect(clientIpFromForwardedFor("203.0.113.5", 1)).toBe("203.0.113.5");
    expect(clientIpFromForwardedFor("1.1.1.1, 203.0.113.5", 1)).toBe("203.0.113.5");
    expect(clientIpFromForwardedFor("1.1.1.1,2.2.2.2, 203.0.113.5 , 10.0.0.2", 2)).toBe("203.0.113.5");
    expect(clientIpFromForwardedFor("2001:db8::1, 10.0.0.2", 2)).toBe("2001:db8::1");
  });

  it("is unknown when the header is missing, shorter than the proxy chain, or its entry is empty or malformed", () => {
    expect(clientIpFromForwardedFor(null, 1)).toBeNull();
    expect(clientIpFromForwardedFor("", 1)).toBeNull();
    expect(clientIpFromForwardedFor("203.0.113.5", 2)).toBeNull();
    expect(clientIpFromForwardedFor("203.0.113.5, ", 1)).toBeNull();
    expect(clientIpFromForwardedFor(`${"9".repeat(65)}`, 1)).toBeNull();
    expect(clientIpFromForwardedFor("evil value", 1)).toBeNull();
  });
});

describe("clientIpOf and TRUSTED_PROXY_HOPS", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("defaults to 0 hops, ignoring X-Forwarded-For and X-Real-IP", () => {
    vi.stubEnv("TRUSTED_PROXY_HOPS", undefined);
    expect(trustedProxyHops()).toBe(0);
    expect(clientIpOf(new Headers({ "x-forwarded-for": "203.0.113.5", "x-real-ip": "203.0.113.6" }))).toBeNull();
  });

  it("reads the hops from the environment and refuses a value that is not a small whole number", () => {
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    expect(clientIpOf(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.5" }))).toBe("203.0.113.5");
    vi.stubEnv("TRUSTED_PROXY_HOPS", "-1");
    expect(() => trustedProxyHops()).toThrow();
    vi.stubEnv("TRUSTED_PROXY_HOPS", "two");
    expect(() => trustedProxyHops()).toThrow();
  });
});
