import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests: pure code in lib/, beside the code it tests. No database.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    name: "unit",
    include: ["lib/**/*.test.ts", "tests/unit/**/*.test.ts"],
    exclude: ["lib/generated/**", "node_modules/**"],
    environment: "node",
    // next-auth imports "next/server" without an extension, which Node's ESM resolver
    // refuses; let Vite resolve it (the schema fuzz test imports the actions to read
    // their schemas).
    server: { deps: { inline: ["next-auth"] } },
  },
});
