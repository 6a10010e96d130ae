/**
 * The floor: a trivial Next.js app with one dynamic page (it renders the current time),
 * built with the portal's own Next.js, React and Node, and served beside the portal by the
 * same server entry (scripts/server.ts, as `npm start`). Whatever a portal page costs above
 * it is the portal's own work; what they share (Node, the HTTP server, React's server
 * renderer, this machine's load) cancels out in the ratio.
 *
 * The app is generated outside the repository, so the product gains no page, in
 * os.tmpdir()/rongqiao-bench-floor/next-<version>-<hash>, with node_modules a symlink to
 * the repository's. It is built once per Next.js version, sources and node_modules
 * folder (the hash), and reused while its build is there.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const LAYOUT = `import type { ReactNode } from "react";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`;

const PAGE = `// Rendered on every request: the floor must pay for a render just like a portal page.
export const dynamic = "force-dynamic";

export default function FloorPage() {
  return (
    <main>
      <p id="rendered-at">{new Date().toISOString()}</p>
    </main>
  );
}
`;

// The symlinked node_modules lives outside this folder; Turbopack only reads files under
// its root, so the root is the filesystem's.
const NEXT_CONFIG = `const config = { poweredByHeader: false, turbopack: { root: "/" } };
export default config;
`;

const TSCONFIG = JSON.stringify(
  {
    compilerOptions: {
      target: "ES2022",
      lib: ["dom", "esnext"],
      strict: true,
      noEmit: true,
      module: "esnext",
      moduleResolution: "bundler",
      jsx: "react-jsx",
      isolatedModules: true,
      skipLibCheck: true,
      plugins: [{ name: "next" }],
    },
    include: ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],
    exclude: ["node_modules"],
  },
  null,
  2,
);

const SOURCES: Record<string, string> = {
  "app/layout.tsx": LAYOUT,
  "app/page.tsx": PAGE,
  "next.config.mjs": NEXT_CONFIG,
  "tsconfig.json": `${TSCONFIG}\n`,
  "package.json": `${JSON.stringify({ name: "rongqiao-bench-floor", private: true, type: "module" }, null, 2)}\n`,
};

export function nextVersion(): string {
  const require = createRequire(import.meta.url);
  return (JSON.parse(readFileSync(require.resolve("next/package.json"), "utf8")) as { version: string }).version;
}

function floorDir(nodeModules: string): string {
  const hash = createHash("sha256").update(JSON.stringify(SOURCES)).update(nodeModules).digest("hex").slice(0, 10);
  return path.join(os.tmpdir(), "rongqiao-bench-floor", `next-${nextVersion()}-${hash}`);
}

function runNextBuild(dir: string): Promise<void> {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build of the floor app failed (${code}):\n${output}`))));
  });
}

/**
 * The floor app's folder, built. `projectRoot` is the repository whose node_modules it
 * uses.
 */
export async function prepareFloorApp(projectRoot: string, log: (line: string) => void): Promise<string> {
  const nodeModules = realpathSync(path.join(projectRoot, "node_modules"));
  const dir = floorDir(nodeModules);
  if (existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    log(`floor: reusing the build in ${dir}`);
    return dir;
  }
  // A half-written folder from an interrupted build is started afresh.
  await rm(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(SOURCES)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  await symlink(nodeModules, path.join(dir, "node_modules"), "dir");
  const started = Date.now();
  log(`floor: building a minimal Next.js ${nextVersion()} app in ${dir} (once per Next.js version)…`);
  await runNextBuild(dir);
  log(`floor: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return dir;
}

/**
 * Throws unless the floor page is rendered per request: two requests must show two
 * different render times, and the response must not be cacheable.
 */
export async function assertFloorIsDynamic(url: string): Promise<string> {
  const renderedAt = async () => {
    const response = await fetch(url, { redirect: "manual" });
    const body = await response.text();
    const match = /id="rendered-at">([^<]+)</.exec(body);
    if (response.status !== 200 || !match) throw new Error(`floor page: HTTP ${response.status}, no render time in ${body.length} bytes`);
    return { at: match[1]!, cacheControl: response.headers.get("cache-control") ?? "" };
  };
  const first = await renderedAt();
  await new Promise((r) => setTimeout(r, 20));
  const second = await renderedAt();
  if (first.at === second.at) throw new Error(`floor page is not dynamic: two requests both rendered at ${first.at}`);
  if (!/no-store|no-cache/.test(second.cacheControl)) {
    throw new Error(`floor page is cacheable (cache-control: ${second.cacheControl || "none"})`);
  }
  return `rendered per request (${first.at} then ${second.at}; cache-control: ${second.cacheControl})`;
}
