import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Integration tests: real PostgreSQL. tests/integration/global-setup.ts starts a throwaway
// embedded server (or uses TEST_DATABASE_URL), creates a fresh database, applies
// prisma/migrations and hands the URL to the tests (inject("databaseUrl"), and
// process.env.DATABASE_URL in every test file). Never touches the dev database.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    name: "integration",
    include: ["tests/integration/**/*.test.ts"],
    exclude: ["lib/generated/**", "node_modules/**"],
    environment: "node",
    globalSetup: ["tests/integration/global-setup.ts"],
    setupFiles: ["tests/integration/setup-env.ts"],
    pool: "forks",
    fileParallelism: false, // one file at a time: 2 cores, one server
    // next-auth imports "next/server" without an extension, which Node's ESM resolver
    // refuses; let Vite resolve it (the authorization-matrix test imports the actions).
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
