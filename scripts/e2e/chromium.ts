// Kept apart from the demo server so that playwright.config.ts can read it without loading
// the server's dependencies.

/** Debian's Chromium (Playwright cannot download its own here); CHROMIUM_PATH overrides. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
