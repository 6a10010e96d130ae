// Runs in each test file's worker before the tests: code that reads the environment
// (lib/server/env.ts) sees the run's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// Test databases are demo databases: seedDemoData refuses any other.
process.env.DEMO_MODE = "true";
