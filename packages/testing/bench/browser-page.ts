// Bundled for Chromium by bench/worlds.ts: the same worlds in a browser.
import { createOrgkitTestWorld } from '../src/world.js';
import { measureWorlds } from './world-timings.js';

const out = globalThis as { orgkitBench?: unknown; orgkitBenchError?: string };
measureWorlds(
  () => createOrgkitTestWorld(),
  () => performance.now(),
).then(
  (timings) => {
    out.orgkitBench = timings;
  },
  (error: unknown) => {
    out.orgkitBenchError = String(error instanceof Error ? error.stack : error);
  },
);
