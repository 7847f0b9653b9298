// The browser bench's measurements, each on the production server: when the board is painted after a
// navigation, when a dropped card is painted in its new column, the board page's first-load JavaScript
// (gzipped), and Lighthouse's desktop performance score. Used by scripts/bench-browser.ts.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { BrowserContext, Page } from "@playwright/test";

export const CHROMIUM = "/usr/bin/chromium";
/** The flags of playwright.config.ts, so the bench runs the browser the e2e tests run. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-quic",
];

const P1_CARD = '[data-testid="pipeline-column"][data-stage="P1"] [data-testid="pipeline-card"]';

declare global {
  interface Window {
    __boardPainted?: Promise<number>;
    __dropPainted?: (cardId: string, stage: string) => Promise<number>;
  }
}

/**
 * Page-side probes, installed before any of the page's own scripts. "Painted" is the end of the first
 * frame that shows the element: rendering is blocked until the styles arrive, so the first animation
 * frame that finds the element laid out is the one that paints it, and a message posted from that frame
 * is handled once the frame is done. Times are ms on the page's clock (0 = navigation start). Plain
 * JavaScript in a string: tsx would wrap named functions in a helper the page does not have.
 */
const PROBES = `(() => {
  const afterFrame = (resolve, from) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now() - from);
    channel.port2.postMessage(null);
  };
  window.__boardPainted = new Promise((resolve) => {
    const check = () => {
      const element = document.querySelector(${JSON.stringify(P1_CARD)});
      if (element && element.getBoundingClientRect().height > 0) afterFrame(resolve, 0);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  window.__dropPainted = (cardId, stage) => new Promise((resolve) => {
    let droppedAt = null;
    // The event's own time stamp: when the button was released, before any handler ran.
    window.addEventListener("mouseup", (event) => { droppedAt = event.timeStamp; }, { capture: true, once: true });
    const selector = '[data-testid="pipeline-column"][data-stage="' + stage + '"] [data-card-id="' + cardId + '"]';
    const check = () => {
      if (droppedAt !== null && document.querySelector(selector)) afterFrame(resolve, droppedAt);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
})();`;

/** Where a paint's time went: the server's first byte, and the browser's main-thread work until then. */
export type PaintBreakdown = { firstByteMs: number; scriptMs: number; layoutMs: number; styleMs: number; taskMs: number };

export async function openBoard(context: BrowserContext, url: string): Promise<{ page: Page; paintedMs: number; breakdown: PaintBreakdown }> {
  const page = await openProbedTab(context);
  return { page, ...await paintAfterNavigation(context, page, url) };
}

/** A new tab with the probes installed for every page it loads. */
export async function openProbedTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(PROBES);
  return page;
}

/**
 * The board loaded in a tab that shows another page of the app (`fromUrl`): a full page load, as when a
 * user opens the board by its address or a bookmark. A new tab (openBoard) also pays for the browser's
 * start of a new page process, a few hundred ms on this machine, which in-tab loads do not. `page` comes
 * from openProbedTab.
 */
export async function openBoardInTab(context: BrowserContext, page: Page, fromUrl: string, url: string): Promise<{ paintedMs: number; breakdown: PaintBreakdown }> {
  await page.goto(fromUrl, { waitUntil: "load", timeout: 120_000 });
  await page.waitForLoadState("networkidle");
  return paintAfterNavigation(context, page, url);
}

async function paintAfterNavigation(context: BrowserContext, page: Page, url: string): Promise<{ paintedMs: number; breakdown: PaintBreakdown }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(url, { waitUntil: "commit", timeout: 120_000 });
  const paintedMs = await page.evaluate(() => window.__boardPainted as Promise<number>);
  const { metrics } = await cdp.send("Performance.getMetrics");
  const seconds = (name: string) => Math.round((metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000);
  const firstByteMs = await page.evaluate(() => Math.round((performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseStart));
  await cdp.detach();
  return {
    paintedMs,
    breakdown: { firstByteMs, scriptMs: seconds("ScriptDuration"), layoutMs: seconds("LayoutDuration"), styleMs: seconds("RecalcStyleDuration"), taskMs: seconds("TaskDuration") },
  };
}

/** Drags the first P1 card onto the P2 column (as the e2e test does) and returns drop → painted there. */
export async function timeDrop(page: Page): Promise<number> {
  // The board is painted from the server's HTML before its scripts run; a drag needs the page hydrated.
  await page.waitForLoadState("networkidle");
  // The board back at its start, as a user would see it: a drag's edge auto-scroll may have moved it.
  await page.locator('[data-testid="pipeline-board"]').evaluate((board) => { board.scrollLeft = 0; });
  const card = page.locator(P1_CARD).first();
  const cardId = await card.getAttribute("data-card-id");
  const from = await card.boundingBox();
  const to = await page.locator('[data-testid="pipeline-column"][data-stage="P2"]').boundingBox();
  if (!cardId || !from || !to) throw new Error("no P1 card or P2 column on screen");
  const painted = page.evaluate(([id, stage]) => (window.__dropPainted as (id: string, stage: string) => Promise<number>)(id, stage), [cardId, "P2"]);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height - 12);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height - 4, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 160, { steps: 12 });
  await page.mouse.up();
  const ms = await Promise.race([painted, new Promise<never>((_, reject) => setTimeout(() => {
    reject(new Error(`the dropped card ${cardId} was not painted in P2 within 20 s (refused, or the drop missed the column)`));
  }, 20_000))]);
  // Let the server's answer land before the next drop, so drops never overlap.
  await page.locator(`[data-card-id="${cardId}"][aria-busy="true"]`).waitFor({ state: "detached", timeout: 15_000 });
  return ms;
}

/**
 * Drags the P1 column's scrollbar to the middle (the column is sized for all its deals, loaded or not)
 * and times until real cards, not placeholders, are painted there; also returns the first row shown.
 */
export async function timeScrollJump(page: Page): Promise<{ ms: number; row: number; scrollHeight: number }> {
  return page.evaluate(`new Promise((resolve) => {
    const scroller = document.querySelector('[data-testid="pipeline-column"][data-stage="P1"] [data-testid="pipeline-column-scroll"]');
    const start = performance.now();
    scroller.scrollTop = scroller.scrollHeight / 2;
    const check = () => {
      const box = scroller.getBoundingClientRect();
      const shown = [...scroller.querySelectorAll('[data-testid="pipeline-card"]')].filter((card) => {
        const rect = card.getBoundingClientRect();
        return rect.bottom > box.top && rect.top < box.bottom;
      });
      if (shown.length < 3) return requestAnimationFrame(check);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({
        ms: performance.now() - start, row: Number(shown[0].closest("li").dataset.position ?? shown[0].closest("li").dataset.index), scrollHeight: scroller.scrollHeight,
      });
      channel.port2.postMessage(null);
    };
    requestAnimationFrame(check);
  })`);
}

export type ScriptSize = { file: string; bytes: number; gzipBytes: number };

/**
 * The page's first-load JavaScript: every script the server's HTML loads (its `<script src>` tags but the
 * legacy noModule one), each gzipped at level 9 (the measure Next's build output used). Route prefetches and chunks loaded later on
 * demand (a dialog opened, a menu) are not part of it.
 */
export async function measureFirstLoadJs(context: BrowserContext, url: string): Promise<ScriptSize[]> {
  const response = await context.request.get(url);
  const html = await response.text();
  // A noModule script (Next's legacy polyfills) is skipped by every browser that runs the app's modules.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"[^>]*>/g)].filter((match) => !/\bnomodule\b/i.test(match[0]));
  const sources = [...new Set(tags.map((match) => match[1]))];
  const sizes = await Promise.all(
    sources.map(async (source) => {
      const body = await (await context.request.get(new URL(source, url).toString())).body();
      return { file: source.replace(/^.*\/chunks\//, ""), bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
    }),
  );
  return sizes.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

export type LighthouseResult = { score: number; metrics: Record<string, number> };

/** One Lighthouse run (desktop preset, performance only) in headless Chromium, signed in by cookie. */
export async function runLighthouse(url: string, cookieHeader: string): Promise<LighthouseResult> {
  const cli = createRequire(import.meta.url).resolve("lighthouse/cli/index.js");
  const dir = mkdtempSync(path.join(os.tmpdir(), "crm-lighthouse-"));
  const output = path.join(dir, "report.json");
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [
        cli, url, "--preset=desktop", "--only-categories=performance", "--output=json", `--output-path=${output}`, "--quiet",
        `--chrome-flags=--headless=new ${CHROMIUM_FLAGS.join(" ")}`,
        `--extra-headers=${JSON.stringify({ Cookie: cookieHeader })}`,
      ], { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited with ${code}: ${stderr.slice(-2000)}`))));
    });
    const report = JSON.parse(readFileSync(output, "utf8")) as {
      categories: { performance: { score: number } };
      audits: Record<string, { numericValue?: number }>;
    };
    const metric = (id: string) => Math.round(report.audits[id]?.numericValue ?? Number.NaN);
    return {
      score: Math.round(report.categories.performance.score * 100),
      metrics: {
        "FCP ms": metric("first-contentful-paint"), "LCP ms": metric("largest-contentful-paint"),
        "TBT ms": metric("total-blocking-time"), "CLS ×1000": Math.round((report.audits["cumulative-layout-shift"]?.numericValue ?? 0) * 1000),
        "SI ms": metric("speed-index"),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
