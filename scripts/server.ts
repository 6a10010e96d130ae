/**
 * The portal's HTTP server: Next.js behind a plain Node server, so the client's address
 * can come from the TCP socket. Next.js passes a client's X-Forwarded-For through as sent
 * (it only fills one in when none came), and an application route never sees the socket;
 * so every request is stamped here with the peer's address (stampPeerAddress, which also
 * drops any copy the client sent) before Next.js handles it.
 *
 *   node --import tsx scripts/server.ts start [-p PORT] [-H HOST]   production (`npm start`)
 *   node --import tsx scripts/server.ts dev   [-p PORT] [-H HOST]   development (`npm run dev`)
 *
 * PORT (default 3000) and the settings (lib/server/env.ts) come from the environment;
 * a missing or malformed setting stops the start with a message and exit code 78
 * (EX_CONFIG), a bad TRUSTED_PROXIES entry with exit code 1, all before Next.js loads.
 * Every request is logged and timed (serveRequest). In production a few responses are
 * prepared at a time, the rest wait their turn (lib/server/render-gate.ts,
 * MAX_CONCURRENT_RENDERS); the development server compiles on demand and has no gate.
 * SIGTERM / SIGINT stop it gracefully:
 * no new connections, requests in flight and the job in hand (of the in-process job loop)
 * get a grace period, then the process exits.
 */
import { createServer } from "node:http";
import nextEnv from "@next/env";
import { stampPeerAddress, trustedProxyList } from "../lib/server/client-address";
import { EXIT_BAD_SETTINGS, logLevel, maxConcurrentRenders, settingsProblems, settingsRefusal } from "../lib/server/env";
import { createRenderGate } from "../lib/server/render-gate";
import { serveRequest } from "../lib/server/serve-request";
import { stopInProcessJobLoop } from "../lib/server/job-loop-holder";
import { logger, setLogLevel } from "../lib/observability/logger";
import { metrics } from "../lib/observability/metrics";

/** How long requests in flight may take to finish after SIGTERM before their connections are cut. */
const REQUEST_GRACE_MS = 10_000;

// What stops the start is written for the person starting it, not as a log line.
const tellOperator = (...parts: unknown[]) => process.stderr.write(`${parts.map(String).join(" ")}\n`);

type TServerArgs = { mode: "dev" | "start"; port: number; hostname: string | undefined };

function parseArgs(argv: string[]): TServerArgs {
  const [mode, ...rest] = argv;
  if (mode !== "dev" && mode !== "start") throw new Error(`usage: scripts/server.ts dev|start [-p PORT] [-H HOST] (got "${mode ?? ""}")`);
  let port = Number(process.env.PORT ?? 3000);
  let hostname: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = rest[i + 1];
    if ((flag === "-p" || flag === "--port") && value) port = Number(value);
    else if ((flag === "-H" || flag === "--hostname") && value) hostname = value;
    else throw new Error(`scripts/server.ts: unknown argument "${flag}"`);
    i++;
  }
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`scripts/server.ts: bad port "${port}"`);
  return { mode, port, hostname };
}

async function main(): Promise<void> {
  const { mode, port, hostname } = parseArgs(process.argv.slice(2));
  const dev = mode === "dev";
  // As `next start` / `next dev` do; Next.js reads it when it loads.
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  // The .env files Next.js would load itself, read first so that they are checked too.
  nextEnv.loadEnvConfig(process.cwd(), dev, { info: () => {}, error: tellOperator });
  const problems = settingsProblems("server");
  if (problems.length > 0) {
    tellOperator(settingsRefusal("RongQiao", problems));
    process.exit(EXIT_BAD_SETTINGS);
  }
  trustedProxyList();
  setLogLevel(logLevel());

  const { default: next } = await import("next");
  const httpServer = createServer();
  const app = next({ dev, port, hostname: hostname ?? "localhost", httpServer });
  await app.prepare();
  const handle = app.getRequestHandler();
  const gate = createRenderGate(dev ? 0 : maxConcurrentRenders(), (waiting) => metrics().httpRequestsWaiting.set(waiting));
  httpServer.on("request", (req, res) => {
    stampPeerAddress(req);
    void serveRequest(req, res, handle, gate);
  });
  await new Promise<void>((resolve) => httpServer.listen(port, hostname, resolve));
  logger.info({ mode: dev ? "development" : "production", url: `http://${hostname ?? "localhost"}:${port}` }, "RongQiao is listening");

  let closing = false;
  const close = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "stopping");
    const requestsDone = new Promise<void>((resolve) => {
      const cut = setTimeout(() => {
        httpServer.closeAllConnections();
        resolve();
      }, REQUEST_GRACE_MS);
      httpServer.close(() => {
        clearTimeout(cut);
        resolve();
      });
      httpServer.closeIdleConnections();
    });
    void Promise.all([requestsDone, stopInProcessJobLoop()])
      .then(() => app.close())
      .catch((error: unknown) => logger.error({ err: error }, "stopping failed"))
      .finally(() => {
        logger.info("stopped");
        process.exit(0);
      });
  };
  process.on("SIGTERM", close);
  process.on("SIGINT", close);
}

main().catch((error: unknown) => {
  tellOperator(`server: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
