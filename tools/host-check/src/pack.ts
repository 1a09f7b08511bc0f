import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const REPO = new URL('../../../', import.meta.url).pathname.replace(/\/$/, '');

/** The published packages, by folder under `packages/`. */
export const PACKAGES = ['core', 'sdk', 'server', 'react'] as const;

/** One packed package. */
export interface Tarball {
  readonly name: `@orgkit/${string}`;
  /** `orgkit-<folder>.tgz`: a stable name, so the host's package.json can point at it. */
  readonly file: string;
  readonly path: string;
  readonly bytes: number;
}

/**
 * Packs every package the documented way (`pnpm pack`, which builds through `prepack` and
 * rewrites `workspace:*` and `publishConfig`) into `dest`.
 */
export function packAll(dest: string): Tarball[] {
  mkdirSync(dest, { recursive: true });
  return PACKAGES.map((folder) => {
    const out = execFileSync('pnpm', ['pack', '--pack-destination', dest], {
      cwd: join(REPO, 'packages', folder),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const packed = out.trim().split('\n').at(-1)!.trim();
    const file = `orgkit-${folder}.tgz`;
    const path = join(dest, file);
    renameSync(packed, path);
    return { name: `@orgkit/${folder}`, file, path, bytes: statSync(path).size };
  });
}
