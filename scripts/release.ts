/**
 * `npm run release` — the production bundle: dist/rongqiao-<version>.tar.gz, one folder
 * that runs with Node alone (no npm install, no dev dependencies, no other node_modules):
 *
 *   server.mjs   the portal's server (scripts/server.ts)        npm start
 *   migrate.mjs  the migrations (scripts/db/migrate.ts)         npm run db:migrate
 *   jobs.mjs     the job worker (scripts/jobs/worker.ts)        npm run jobs
 *   .next/ node_modules/   Next.js's standalone output: the build and the packages it uses
 *   prisma/migrations/     what migrate.mjs applies and /api/ready checks
 *   deploy/ docs/operations.md   the systemd units, the nginx site and the runbook
 *
 *   npm run release                     next build, then the bundle
 *   npm run release -- --no-build       the bundle from the build already in .next (made
 *                                       with RONGQIAO_STANDALONE=1, as npm run test:e2e does)
 *   npm run release -- --out DIR        write DIR/rongqiao-<version>.tar.gz (default dist/)
 *
 * The three entries are compiled with esbuild, every package inlined except Next.js (the
 * server must use the standalone copy its build traced) and the schema engine, whose
 * WebAssembly is read from its package folder, copied in whole. docs/operations.md says
 * how to install and upgrade it.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { projectRootOf } from "./project-root";

const ROOT = projectRootOf(import.meta.url);
const DIST_DIR = ".next";

type TPackageJson = { name: string; version: string; engines: Record<string, string>; scripts: Record<string, string> };

// The bundle's commands are the repository's, with the compiled file in place of tsx and
// the TypeScript source: `npm start` keeps its Node flags (tests/unit/server-flags.test.ts).
const COMMANDS: Record<string, { source: string; output: string }> = {
  start: { source: "scripts/server.ts", output: "server.mjs" },
  "db:migrate": { source: "scripts/db/migrate.ts", output: "migrate.mjs" },
  jobs: { source: "scripts/jobs/worker.ts", output: "jobs.mjs" },
};
const ENTRIES: Record<string, string> = {
  "server.mjs": "scripts/release/server-entry.ts",
  "migrate.mjs": "scripts/db/migrate.ts",
  "jobs.mjs": "scripts/jobs/worker.ts",
};
// Packages the bundle keeps as folders: Next.js from the standalone output (with @next/env,
// which Next.js itself loads), the schema engine copied from node_modules; pg-native is an
// optional driver pg asks for only when told to.
const EXTERNAL = ["next", "next/*", "@next/env", "@prisma/schema-engine-wasm", "@prisma/schema-engine-wasm/*", "pg-native"];
const COPIED_PACKAGES = ["@prisma/schema-engine-wasm"];

export function bundleScripts(pkg: TPackageJson): Record<string, string> {
  const scripts: Record<string, string> = {};
  for (const [name, { source, output }] of Object.entries(COMMANDS)) {
    const command = pkg.scripts[name] ?? "";
    const compiled = command.replace(`--import tsx ${source}`, output);
    if (compiled === command) throw new Error(`release: package.json "${name}" no longer runs "--import tsx ${source}"`);
    scripts[name] = compiled;
  }
  return scripts;
}

// The configuration Next.js resolved at build time, as its standalone server.js embeds it.
function standaloneConfig(standaloneDir: string): string {
  const serverJs = readFileSync(path.join(standaloneDir, "server.js"), "utf8");
  const line = serverJs.split("\n").find((l) => l.startsWith("const nextConfig = "));
  if (!line) throw new Error("release: .next/standalone/server.js has no nextConfig line (did Next.js change its template?)");
  return line.slice("const nextConfig = ".length);
}

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`release: ${command} ${args.join(" ")} failed (${result.status ?? result.signal})`);
}

export async function makeRelease(options: { build: boolean; outDir: string }): Promise<string> {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as TPackageJson;
  if ((process.env.NEXT_DIST_DIR ?? DIST_DIR) !== DIST_DIR) throw new Error("release: unset NEXT_DIST_DIR; the bundle is made from .next");
  if (options.build)
    run(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], { RONGQIAO_STANDALONE: "1" });
  const standalone = path.join(ROOT, DIST_DIR, "standalone");
  if (!existsSync(path.join(standalone, DIST_DIR, "BUILD_ID"))) {
    throw new Error(
      `release: no standalone build in ${standalone}: build with RONGQIAO_STANDALONE=1 (as npm run test:e2e does), or run \`npm run release\` without --no-build`,
    );
  }

  const name = `${pkg.name}-${pkg.version}`;
  const stage = path.join(options.outDir, name);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(options.outDir, { recursive: true });
  cpSync(standalone, stage, { recursive: true, dereference: true });
  // Next.js's own entry would serve without the portal's (client address, settings check).
  rmSync(path.join(stage, "server.js"));
  writeFileSync(path.join(stage, "next-config.json"), standaloneConfig(standalone));
  cpSync(path.join(ROOT, DIST_DIR, "static"), path.join(stage, DIST_DIR, "static"), { recursive: true });
  if (existsSync(path.join(ROOT, "public"))) cpSync(path.join(ROOT, "public"), path.join(stage, "public"), { recursive: true });
  cpSync(path.join(ROOT, "prisma", "migrations"), path.join(stage, "prisma", "migrations"), { recursive: true });
  // The runbook and the files it installs travel with the release they describe.
  cpSync(path.join(ROOT, "deploy"), path.join(stage, "deploy"), { recursive: true });
  cpSync(path.join(ROOT, "docs", "operations.md"), path.join(stage, "docs", "operations.md"));
  for (const dep of COPIED_PACKAGES) {
    cpSync(path.join(ROOT, "node_modules", dep), path.join(stage, "node_modules", dep), { recursive: true, dereference: true });
  }

  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([out, src]) => [out.replace(/\.mjs$/, ""), path.join(ROOT, src)])),
    outdir: stage,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: `node${process.versions.node.split(".")[0]}`,
    external: EXTERNAL,
    tsconfig: path.join(ROOT, "tsconfig.json"),
    // Inlined CommonJS packages call require() for Node's built-ins.
    banner: { js: 'import { createRequire as __rqCreateRequire } from "node:module"; const require = __rqCreateRequire(import.meta.url);' },
    logLevel: "warning",
    legalComments: "none",
  });

  const bundlePackage = {
    name: pkg.name,
    version: pkg.version,
    private: true,
    type: "module",
    engines: pkg.engines,
    scripts: bundleScripts(pkg),
  };
  writeFileSync(path.join(stage, "package.json"), `${JSON.stringify(bundlePackage, null, 2)}\n`);

  const tarball = path.join(options.outDir, `${name}.tar.gz`);
  const tar = spawnSync("tar", ["-czf", tarball, "-C", options.outDir, name], { stdio: "inherit" });
  if (tar.status !== 0) throw new Error(`release: tar failed (${tar.status ?? tar.signal})`);
  rmSync(stage, { recursive: true, force: true });
  return tarball;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf("--out");
  const outDir = path.resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : path.join(ROOT, "dist"));
  const started = Date.now();
  const tarball = await makeRelease({ build: !args.includes("--no-build"), outDir });
  const mb = (statSync(tarball).size / 1024 / 1024).toFixed(1);
  console.log(`release: ${tarball} (${mb} MB, ${((Date.now() - started) / 1000).toFixed(1)} s); install it as docs/operations.md says`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, "scripts", "release.ts")) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
