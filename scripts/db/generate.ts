/**
 * `npm run db:generate` — `prisma generate`, offline.
 *
 * The Prisma CLI insists on a native schema-engine binary before any command, and
 * downloads one from Prisma's CDN when it finds none (which fails here and on air-gapped
 * installs). `generate` never runs that engine; it only checks the file exists. So we
 * point PRISMA_SCHEMA_ENGINE_BINARY at an existing file (the WebAssembly engine we use for
 * migrations) unless the caller set it, and turn off the CLI's update and telemetry
 * checks, which would otherwise try the network.
 *
 * Output: lib/generated/prisma (see the generator block in prisma/schema.prisma).
 * Extra arguments are passed through: `npm run db:generate -- --watch`.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ||= path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
env.PRISMA_HIDE_UPDATE_MESSAGE ??= "1";
env.CHECKPOINT_DISABLE ??= "1";
env.PRISMA_DISABLE_WARNINGS ??= "1";

const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
const result = spawnSync(process.execPath, [cli, "generate", ...process.argv.slice(2)], {
  cwd: PROJECT_ROOT,
  env,
  stdio: "inherit",
});
if (result.error) throw result.error;
process.exit(result.status ?? 1);
