// `npm start` serves the production build from several Next.js processes sharing one port (node:cluster):
// one Node.js process runs JavaScript on one core, so a lone `next start` leaves the other cores of the machine
// to PostgreSQL alone. The workers are stateless instances like the ones docs/deploy.md puts behind a load
// balancer (sessions, rate limits and jobs live in PostgreSQL), so they need no coordination; the primary only
// accepts connections and hands them out round-robin. WEB_CONCURRENCY sets the count (default: one per core, at
// most 4).
import { spawn } from "node:child_process";
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import type { Readable } from "node:stream";
import { getEnv } from "../lib/env";

export type ServerProcess = {
  /** Called once, when every worker is ready. */
  onReady: (listener: () => void) => void;
  onExit: (listener: (code: number) => void) => void;
  stop: () => void;
};

/**
 * The default stops at 4: each process pools up to 10 database connections (lib/db.ts), and the embedded
 * PostgreSQL allows 200, a managed one often 100. A bigger machine sets WEB_CONCURRENCY to what its database
 * can take (docs/deploy.md).
 */
const MAX_DEFAULT_WORKERS = 4;

export function workerCount(): number {
  return getEnv().WEB_CONCURRENCY ?? Math.min(os.availableParallelism(), MAX_DEFAULT_WORKERS);
}

/** Next.js prints this once its server listens. */
const READY_LINE = /Ready|started server/i;

/** Hands every chunk of `stream` to `show` (with whether the server was ready before it), and calls `onReady` once. */
function watchForReady(stream: Readable, show: (chunk: Buffer, wasReady: boolean) => void, onReady: () => void): void {
  let isReady = false;
  stream.on("data", (chunk: Buffer) => {
    show(chunk, isReady);
    if (isReady || !READY_LINE.test(chunk.toString())) return;
    isReady = true;
    onReady();
  });
}

/** `next dev` (or a single worker): one child process, its output passed through. */
export function startServerProcess(nextBin: string, args: string[], env: NodeJS.ProcessEnv): ServerProcess {
  const child = spawn(process.execPath, [nextBin, ...args], { stdio: ["ignore", "pipe", "inherit"], env });
  const readyListeners: (() => void)[] = [];
  watchForReady(child.stdout, (chunk) => process.stdout.write(chunk), () => readyListeners.forEach((listener) => listener()));
  return {
    onReady: (listener) => readyListeners.push(listener),
    onExit: (listener) => child.on("exit", (code) => listener(code ?? 0)),
    stop: () => child.kill("SIGTERM"),
  };
}

/** Forks `count` workers running `node <nextBin> <args>`; a worker that dies unasked is replaced. */
export function startServerWorkers(nextBin: string, args: string[], env: NodeJS.ProcessEnv, count: number): ServerProcess {
  cluster.setupPrimary({ exec: nextBin, args, silent: true });
  const readyListeners: (() => void)[] = [];
  const exitListeners: ((code: number) => void)[] = [];
  let isStopping = false;
  let readyCount = 0;
  const fork = () => {
    const worker: Worker = cluster.fork(env);
    worker.process.stderr?.pipe(process.stderr);
    // Every worker prints Next's start-up banner: the user sees the first worker's, and hears "ready" once all
    // of them are.
    watchForReady(worker.process.stdout!, (chunk, wasReady) => {
      if (wasReady || worker.id === 1) process.stdout.write(chunk);
    }, () => {
      if (++readyCount === count) readyListeners.forEach((listener) => listener());
    });
    worker.on("exit", (code) => {
      if (isStopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) exitListeners.forEach((listener) => listener(code ?? 0));
        return;
      }
      // A worker failing on start-up (a bad build, a port in use) would fail every replacement too: stop.
      if (readyCount < count) {
        isStopping = true;
        Object.values(cluster.workers ?? {}).forEach((other) => other?.kill("SIGTERM"));
        exitListeners.forEach((listener) => listener(code || 1));
        return;
      }
      console.error(`A server worker exited (${code}); starting another.`);
      fork();
    });
  };
  for (let index = 0; index < count; index++) fork();
  return {
    onReady: (listener) => readyListeners.push(listener),
    onExit: (listener) => exitListeners.push(listener),
    stop: () => {
      isStopping = true;
      Object.values(cluster.workers ?? {}).forEach((worker) => worker?.kill("SIGTERM"));
    },
  };
}
