/**
 * The react bench's host lines: the packed packages installed with npm into the example host,
 * built with vite, gzip sizes measured on that real build. Orgkit's JavaScript is what the host
 * build weighs over the same app with React and TanStack Query alone (the peer, built in the same
 * run); the goal is the components goal of the bundle bench.
 */
import { rmSync } from 'node:fs';
import { buildAndMeasure } from './build-sizes.js';
import { installHost } from './host.js';

const host = installHost();
try {
  for (const t of host.tarballs) {
    console.log(
      `BENCH react.host.tarball.${t.name.slice('@orgkit/'.length)} value=${t.bytes} unit=bytes`,
    );
  }
  const sizes = buildAndMeasure(host.dir);
  const peer = 'react+@tanstack/react-query';
  console.log(
    `BENCH react.host.orgkit-js.gzip value=${sizes.orgkitJsGzip} unit=bytes peer=${peer} peer_value=${sizes.baselineJsGzip} ratio=${(sizes.orgkitJsGzip / sizes.baselineJsGzip).toFixed(3)} goal=25000 goal_ratio=${(sizes.orgkitJsGzip / 25_000).toFixed(3)}`,
  );
  console.log(
    `BENCH react.host.js.gzip value=${sizes.jsGzip} unit=bytes peer=${peer} peer_value=${sizes.baselineJsGzip} ratio=${(sizes.jsGzip / sizes.baselineJsGzip).toFixed(3)}`,
  );
  console.log(
    `BENCH react.host.css.gzip value=${sizes.cssGzip} unit=bytes peer=host.js.gzip peer_value=${sizes.jsGzip} ratio=${(sizes.cssGzip / sizes.jsGzip).toFixed(3)}`,
  );
} finally {
  rmSync(host.dir, { recursive: true, force: true });
}
