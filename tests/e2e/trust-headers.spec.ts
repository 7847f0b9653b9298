import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Issue 9: every answer carries the security headers, and the strict nonce CSP does not break the app —
// the page hydrates and works with no CSP violation.
test("pages and the API carry the security headers; the app runs under the nonce CSP", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  const login = await request.get("/login");
  const csp = login.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(login.headers()).toMatchObject({ "x-frame-options": "DENY", "x-content-type-options": "nosniff" });
  expect(login.headers()["strict-transport-security"]).toContain("max-age=");
  const html = await login.text();
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  // Every inline script Next renders carries this response's nonce.
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);

  const api = await request.get("/api/v1/me");
  expect(api.status()).toBe(401);
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");

  await signIn(page, "rep@demo.test");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});
