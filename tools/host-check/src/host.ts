import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packAll, REPO, type Tarball } from './pack.js';

/** The example host, a plain npm project outside the workspace. */
export const HOST_SOURCE = join(REPO, 'examples/host');

/** A temporary copy of the host with the tarballs installed. */
export interface InstalledHost {
  readonly dir: string;
  readonly tarballs: readonly Tarball[];
}

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
interface Lock {
  packages: Record<string, LockEntry>;
}

/**
 * The environment of a process outside the workspace: pnpm's script and shim variables
 * (`NODE_PATH` into the workspace's store, `npm_config_*`, the workspace's `.bin` folders on
 * `PATH`) removed, so nothing resolves from the workspace by accident.
 */
export function outsideEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'NODE_PATH' || /^(npm_|pnpm_|PNPM_)/i.test(key)) continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(':')
    .filter((dir) => !dir.startsWith(REPO))
    .join(':');
  return { ...env, ...extra };
}

/** Runs a command in `cwd`, its output kept for the error when it fails. */
export function run(
  cwd: string,
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: outsideEnv(env),
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}\n${e.stderr ?? e.message}`,
    );
  }
}

/** Copies the host (without installs or builds) to a fresh temporary folder with the tarballs. */
export function copyHost(tarballs: readonly Tarball[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'orgkit-host-'));
  cpSync(HOST_SOURCE, dir, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|dist|vendor)$/.test(src),
  });
  for (const t of tarballs) {
    execFileSync('mkdir', ['-p', join(dir, 'vendor')]);
    copyFileSync(t.path, join(dir, 'vendor', t.file));
  }
  return dir;
}

/**
 * The `@orgkit/*` entries of the committed lock must list the dependencies the tarballs
 * declare now; otherwise `npm ci` would install an outdated tree. Returns what differs.
 */
export function lockDrift(dir: string, tarballs: readonly Tarball[]): string[] {
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as Lock;
  return tarballs.flatMap((t) => {
    const manifest = JSON.parse(
      run(dir, 'tar', ['-xOzf', join('vendor', t.file), 'package/package.json']),
    ) as LockEntry;
    const entry = lock.packages[`node_modules/${t.name}`];
    const sorted = (deps: Record<string, string> = {}) =>
      JSON.stringify(
        Object.fromEntries(Object.entries(deps).sort(([a], [b]) => a.localeCompare(b))),
      );
    const want = sorted(manifest.dependencies);
    const have = sorted(entry?.dependencies);
    return want === have ? [] : [`${t.name}: tarball depends on ${want}, the lock on ${have}`];
  });
}

/** Drops the tarballs' integrity from a lock: they are rebuilt on every run. */
export function withoutTarballIntegrity(lockText: string): string {
  const lock = JSON.parse(lockText) as Lock;
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key.startsWith('node_modules/@orgkit/')) delete entry.integrity;
  }
  return `${JSON.stringify(lock, null, 2)}\n`;
}

/** Packs everything and installs it into a temporary copy of the host with `npm ci`. */
export function installHost(dest = mkdtempSync(join(tmpdir(), 'orgkit-tarballs-'))): InstalledHost {
  const started = Date.now();
  const tarballs = packAll(dest);
  const packed = Date.now();
  const dir = copyHost(tarballs);
  const drift = lockDrift(dir, tarballs);
  if (drift.length > 0) {
    throw new Error(
      `examples/host/package-lock.json is out of date (run pnpm --filter @orgkit/host-check refresh-lock):\n${drift.join('\n')}`,
    );
  }
  run(dir, 'npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  console.log(`HOST packed in ${packed - started} ms, npm ci in ${Date.now() - packed} ms`);
  return { dir, tarballs };
}

/** Rewrites the committed lock from a fresh `npm install` of the current tarballs. */
export function refreshLock(): void {
  const tarballs = packAll(mkdtempSync(join(tmpdir(), 'orgkit-tarballs-')));
  const dir = copyHost(tarballs);
  run(dir, 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  const lock = withoutTarballIntegrity(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
  writeFileSync(join(HOST_SOURCE, 'package-lock.json'), lock);
}
