/**
 * The load generator, run as its own process so it does not share an event loop with the server
 * under test: autocannon with N connections for D seconds over a list of requests (cycled), every
 * response's latency kept at full resolution (autocannon's histogram rounds to whole ms).
 *
 *   tsx bench/load.ts '{"url":"http://127.0.0.1:4101","requests":[…],"connections":8,"duration":10}'
 */
import autocannon from 'autocannon';

/** One request of a scenario. */
export interface LoadRequest {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** What a load process is asked to do. */
export interface LoadSpec {
  readonly url: string;
  readonly requests: readonly LoadRequest[];
  readonly connections: number;
  readonly duration: number;
}

/** What it answers. */
export interface LoadResult {
  readonly requests: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly statuses: Record<string, number>;
}

const percentile = (sorted: Float64Array, q: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Runs one load and resolves with its figures. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    let errors = 0;
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.duration,
        requests: spec.requests.map((r) => ({
          method: r.method,
          path: r.path,
          headers: r.headers,
          ...(r.body ? { body: r.body } : {}),
        })),
      },
      (error, result) => {
        if (error) return reject(error);
        const sorted = Float64Array.from(latencies).sort();
        const elapsed = result.duration;
        const ok = Object.entries(statuses)
          .filter(([s]) => s.startsWith('2'))
          .reduce((n, [, c]) => n + c, 0);
        resolve({
          requests: latencies.length,
          rps: ok / elapsed,
          p50: percentile(sorted, 0.5),
          p99: percentile(sorted, 0.99),
          non2xx: latencies.length - ok,
          errors: errors + result.errors,
          statuses,
        });
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
    instance.on('reqError', () => {
      errors++;
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runLoad(JSON.parse(process.argv[2]!) as LoadSpec);
  if (process.send) process.send(result);
  else console.log(JSON.stringify(result));
}
