/** A tiny benchmark harness: warm up, then take the median of several timed batches. */

let sink = 0;

/** Consume a value so the JIT cannot drop the work. */
export function consume(value: unknown): void {
  if (value === true) sink++;
  else if (typeof value === 'number') sink += value & 1;
  else if (value) sink ^= 1;
}

/** Nanoseconds per call of `fn`, median over `samples` batches of about `batchMs` each. */
export function measure(fn: (i: number) => unknown, { samples = 15, batchMs = 40 } = {}): number {
  let iterations = 1;
  // find a batch size that takes about batchMs
  for (;;) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) consume(fn(i));
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (ms >= batchMs / 4) {
      iterations = Math.max(1, Math.round((iterations * batchMs) / Math.max(ms, 0.001)));
      break;
    }
    iterations *= 4;
  }
  const results: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) consume(fn(i));
    results.push(Number(process.hrtime.bigint() - start) / iterations);
  }
  results.sort((a, b) => a - b);
  return results[Math.floor(results.length / 2)]!;
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toPrecision(3));

/** Prints one line in the repo's BENCH format. */
export function report(
  name: string,
  value: number,
  unit: string,
  peer: string,
  peerValue: number,
): void {
  console.log(
    `BENCH ${name} value=${fmt(value)} unit=${unit} peer=${peer} peer_value=${fmt(peerValue)} ratio=${(value / peerValue).toFixed(3)}`,
  );
}

export function sinkValue(): number {
  return sink;
}
