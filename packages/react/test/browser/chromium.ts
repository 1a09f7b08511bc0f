import { existsSync } from 'node:fs';

/** Debian's Chromium, or `ORGKIT_CHROMIUM=/path/to/chrome`. */
export const CHROMIUM = process.env.ORGKIT_CHROMIUM ?? '/usr/bin/chromium';

/** Whether the browser tests run here: always in CI (a missing browser fails them there). */
export const browserTestsRun = existsSync(CHROMIUM) || Boolean(process.env.CI);

/** The flags every launch uses (headless, sandbox-less in containers, loopback only). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

/** Where the global setup puts axe-core in the served Storybook. */
export const AXE_FILE = 'orgkit-axe.min.js';
