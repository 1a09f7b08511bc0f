/**
 * The packed packages in a real host outside the workspace: pack, install with npm, build and
 * measure. Used by the host test and the react bench.
 */
export { type BuildSizes, buildAndMeasure } from './build-sizes.js';
export { HOST_SOURCE, type InstalledHost, installHost, run } from './host.js';
export { PACKAGES, packAll, REPO, type Tarball } from './pack.js';
