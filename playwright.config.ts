import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/e2e/chromium";

// End-to-end tests run against a production build (`next build`, then the portal's server
// entry scripts/server.ts in production mode, as `npm start` runs it) on a
// throwaway embedded PostgreSQL seeded with the demo data (scripts/e2e/server.ts), in
// Debian's Chromium: Playwright cannot download its own browsers on this network.
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  // A sign-in may wait up to 30 s for the next one-time-code step when the same demo
  // account signed in moments before (codes are single-use), so tests get room for it.
  timeout: 90_000,
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "off",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /log-privacy\.spec\.ts/,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunchOptions,
      },
    },
    {
      // Last: greps the server's log of the whole run for the demo data's personal data.
      name: "log-privacy",
      testMatch: /log-privacy\.spec\.ts/,
      dependencies: ["chromium"],
    },
  ],
  webServer: {
    command: "node --import tsx scripts/e2e/server.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    // Let the script stop Next.js, drop its database and stop PostgreSQL.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    // The portal's JSON log (a line per request) goes to e2eLogFile (scripts/e2e/info.ts),
    // where the log-privacy project reads it, not to the run's output.
    stdout: "ignore",
    stderr: "pipe",
    // No background deadline scan: it would escalate and auto-close demo items mid-test.
    // DEMO_MODE on: the tests read the demo accounts from the sign-in page (a production
    // server lists them only when told to).
    env: { E2E_PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", JOBS_IN_PROCESS: "false", DEMO_MODE: "true" },
  },
});
