import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The crash-safety probe (scripts/crash-safety.ts), not part of `npm test`: it calls the
// server actions the way the integration tests do, so it runs under Vitest for the same
// module mocks (the session, Next's request context).
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("../..", import.meta.url)) } },
  test: {
    name: "crash-safety",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["scripts/crash-safety/crash-safety.probe.ts"],
    environment: "node",
    pool: "forks",
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
});
