/** BENCH lines (STYLE rule 9) and the human summary around them. */
import type { LoadResult } from './load.js';

/** Latency and throughput under load, and latency of one connection at a time. */
export interface Measured {
  readonly loaded: LoadResult;
  readonly single: LoadResult;
}

const fmt = (n: number) =>
  !Number.isFinite(n) ? 'NaN' : n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toPrecision(3);

/** `BENCH <name> value=<n> unit=<u> peer=<p> peer_value=<n> ratio=<r>` */
export function bench(name: string, value: number, unit: string, peer: string, peerValue: number) {
  const ratio = peerValue === 0 ? 'inf' : (value / peerValue).toFixed(3);
  console.log(
    `BENCH ${name} value=${fmt(value)} unit=${unit} peer=${peer} peer_value=${fmt(peerValue)} ratio=${ratio}`,
  );
}

/**
 * Requests/second, p50 and p99 of one of our operations against the peer's, under the run's
 * load; then p50 and p99 with one connection (`.c1`), latency without queueing.
 */
export function compare(name: string, ours: Measured, peerName: string, peer: Measured) {
  bench(`${name}.rps`, ours.loaded.rps, 'req/s', `${peerName}.rps`, peer.loaded.rps);
  bench(`${name}.p50`, ours.loaded.p50, 'ms', `${peerName}.p50`, peer.loaded.p50);
  bench(`${name}.p99`, ours.loaded.p99, 'ms', `${peerName}.p99`, peer.loaded.p99);
  bench(`${name}.c1.p50`, ours.single.p50, 'ms', `${peerName}.c1.p50`, peer.single.p50);
  bench(`${name}.c1.p99`, ours.single.p99, 'ms', `${peerName}.c1.p99`, peer.single.p99);
}

/** A comment line with the raw figures of one load. */
export function describe(label: string, r: LoadResult): void {
  const bad =
    r.non2xx > 0 || r.errors > 0
      ? ` non2xx=${r.non2xx} errors=${r.errors} statuses=${JSON.stringify(r.statuses)}`
      : '';
  console.log(
    `# ${label.padEnd(44)} ${fmt(r.rps).padStart(6)} req/s  p50 ${fmt(r.p50).padStart(5)} ms  p99 ${fmt(r.p99).padStart(5)} ms  (${r.requests} requests)${bad}`,
  );
}
