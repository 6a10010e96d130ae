/**
 * First import of the release bundle's server (server-entry.ts): what Next.js's own
 * standalone server.js does before it loads Next — run from the bundle's folder, and hand
 * Next the build's resolved configuration (next-config.json, written by scripts/release.ts),
 * since next.config.ts and the packages it imports are not in the bundle.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRootOf } from "../project-root";

const root = projectRootOf(import.meta.url);
process.chdir(root);
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = readFileSync(path.join(root, "next-config.json"), "utf8");
