/**
 * TeamTable's first render of 10,000 members in headless Chromium (goal: ≤ 50 ms),
 * against a plain <table> rendering the same rows. The page is bundled with esbuild in
 * production mode and driven by playwright-core; the median of 15 runs after warm-up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.ORGKIT_CHROMIUM ?? '/usr/bin/chromium';
const dir = new URL('..', import.meta.url).pathname;

if (!existsSync(CHROMIUM)) {
  console.warn(`react.team-table.render10k skipped: no Chromium at ${CHROMIUM}`);
  process.exit(process.env.CI ? 1 : 0);
}

const bundle = await build({
  entryPoints: [`${dir}bench/team-table-page.tsx`],
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  write: false,
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'error',
});
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A real origin (not about:blank): the mocks and the provider may touch localStorage.
  const html = `<!doctype html><html lang="en"><head><style>${readFileSync(`${dir}src/styles/theme.css`, 'utf8')}</style></head><body><script>${bundle.outputFiles[0]!.text.replaceAll('</script', '<\\/script')}</script></body></html>`;
  await page.route('http://bench.local/**', (route) =>
    route.fulfill({ body: html, contentType: 'text/html' }),
  );
  await page.goto('http://bench.local/');
  if (errors.length > 0) throw new Error(errors.join('\n'));
  const result = (await page.evaluate(
    (runs) => (window as unknown as { runBench(n: number): Promise<unknown> }).runBench(runs),
    15,
  )) as { 'team-table': number; plain: number };
  if (errors.length > 0) throw new Error(errors.join('\n'));
  const value = result['team-table'];
  const peer = result.plain;
  console.log(
    `BENCH react.team-table.render10k value=${value.toFixed(1)} unit=ms peer=plain-table-10k peer_value=${peer.toFixed(1)} ratio=${(value / peer).toFixed(3)}`,
  );
} finally {
  await browser.close();
}
