/**
 * `pnpm --filter @orgkit/server soak`: reliability figures at scale, on Postgres and on PGlite.
 * Bounded (round counts and a time budget), loopback only, stops by itself, prints each figure.
 *
 *   SOAK_KILL_ROUNDS        SIGKILL rounds per engine (default 500)
 *   SOAK_MIX_ROUNDS         rounds of concurrent mixed operations per engine (default 1000)
 *   SOAK_CONCURRENCY        operations in flight per round (default 50)
 *   SOAK_REDEMPTIONS        concurrent redemptions of one invitation (default 100)
 *   SOAK_MINUTES            time budget per phase and engine (default 20); a phase stops early
 *                           when it runs out, and says how many rounds it did
 *   DATABASE_URL            the Postgres server (default postgres://postgres@127.0.0.1:5432/test)
 *   SOAK_ENGINES            `postgres,pglite` (default both)
 */
import pg from 'pg';
import { pgliteEngine, postgresEngine } from '../server-process.js';
import { concurrentMixFigure } from './concurrent-mix.js';
import { killRoundsFigure } from './kill-rounds.js';
import { redemptionFigure } from './redemptions.js';

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const KILL_ROUNDS = num('SOAK_KILL_ROUNDS', 500);
const MIX_ROUNDS = num('SOAK_MIX_ROUNDS', 1000);
const CONCURRENCY = num('SOAK_CONCURRENCY', 50);
const REDEMPTIONS = num('SOAK_REDEMPTIONS', 100);
const BUDGET_MS = num('SOAK_MINUTES', 20) * 60_000;
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ENGINES = (process.env.SOAK_ENGINES ?? 'postgres,pglite').split(',').map((s) => s.trim());

const url = new URL(SERVER_URL);
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname)) {
  console.error(`soak runs on loopback only; DATABASE_URL points at ${url.hostname}`);
  process.exit(2);
}

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

let failed = false;
const print = (line: string) => console.log(line);

for (const engine of ENGINES as ('postgres' | 'pglite')[]) {
  if (engine === 'postgres' && !(await reachable())) {
    print(`SOAK postgres skipped: ${SERVER_URL} is not reachable`);
    continue;
  }
  // Redemptions first: the quickest figure.
  const r = await redemptionFigure(engine, SERVER_URL, REDEMPTIONS);
  print(
    `SOAK ${engine} redemptions: ${REDEMPTIONS} concurrent → ${r.successes} success, ${r.members} member; statuses ${JSON.stringify(r.statuses)}`,
  );
  failed ||= r.successes !== 1 || r.members !== 1;

  const mixStarted = performance.now();
  const mix = await concurrentMixFigure(
    engine,
    SERVER_URL,
    MIX_ROUNDS,
    CONCURRENCY,
    Date.now() + BUDGET_MS,
  );
  print(
    `SOAK ${engine} concurrent mix: ${mix.rounds}/${MIX_ROUNDS} rounds × ${CONCURRENCY} = ${mix.requests} requests in ${Math.round((performance.now() - mixStarted) / 1000)} s; 5xx ${mix.fiveHundreds}; rounds without exactly one active owner ${mix.ownerViolations}`,
  );
  print(`SOAK ${engine} concurrent mix statuses ${JSON.stringify(mix.statuses)}`);
  failed ||= mix.fiveHundreds > 0 || mix.ownerViolations > 0;

  const data = engine === 'postgres' ? postgresEngine(SERVER_URL, 'soak') : pgliteEngine();
  const killStarted = performance.now();
  try {
    const kill = await killRoundsFigure(data, KILL_ROUNDS, Date.now() + BUDGET_MS);
    print(
      `SOAK ${engine} kill -9: ${kill.rounds}/${KILL_ROUNDS} rounds of 8 concurrent mutations in ${Math.round((performance.now() - killStarted) / 1000)} s (restart ${kill.restartMs} ms); invariant violations ${kill.violations.length}`,
    );
    print(
      `SOAK ${engine} kill -9 outcomes (cut before / committed) ${JSON.stringify(kill.outcomes)}`,
    );
    for (const v of kill.violations.slice(0, 20)) print(`  violation: ${v}`);
    failed ||= kill.violations.length > 0;
  } finally {
    await data.dispose();
  }
}
print(failed ? 'SOAK FAILED' : 'SOAK OK');
process.exit(failed ? 1 : 0);
