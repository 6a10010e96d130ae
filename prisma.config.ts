import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here: migrations run through the
// WebAssembly schema engine (scripts/db), because the native engine cannot be
// downloaded on an offline network. The URL is optional for generate.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
