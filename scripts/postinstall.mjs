// npm's postinstall: `prisma generate` (scripts/db/generate.ts) when the dev dependencies
// are there. An install without them (`npm ci --omit=dev`) has neither prisma nor tsx and
// cannot build the portal; production runs the release bundle (`npm run release`), which
// carries the generated client compiled in. So that install succeeds and says so, instead
// of failing on a missing tsx. Plain JavaScript: it must run before anything is compiled.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "package.json"));

function installed(name) {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

const missing = ["prisma", "tsx"].filter((name) => !installed(name));
if (missing.length > 0) {
  console.log(
    `postinstall: ${missing.join(" and ")} not installed (a production install without dev dependencies): ` +
      "no Prisma client generated. Run the portal from the release bundle (npm run release on a build machine); see docs/operations.md.",
  );
  process.exit(0);
}
const result = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts", "db", "generate.ts")], {
  cwd: root,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
