import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test-support/backends.js';
import { useTestApp } from '../test-support/test-app.js';

const require = createRequire(import.meta.url);
const CONFIG = fileURLToPath(new URL('../../openapi-lint/', import.meta.url));

interface Finding {
  readonly linter: string;
  readonly severity: 'error' | 'warning' | 'other';
  readonly rule: string;
  readonly where: string;
  readonly message: string;
}

/** Runs a linter CLI with Node; linters exit non-zero on findings, so the output is what counts. */
function run(args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      {
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
      (_error, stdout) => resolve(stdout),
    );
  });
}

async function redocly(file: string): Promise<Finding[]> {
  const out = await run([
    require.resolve('@redocly/cli/bin/cli.js'),
    'lint',
    file,
    `--config=${join(CONFIG, 'redocly.yaml')}`,
    '--format=json',
  ]);
  const report = JSON.parse(out) as {
    problems: {
      ruleId: string;
      severity: string;
      message: string;
      location: { pointer: string }[];
    }[];
  };
  return report.problems.map((p) => ({
    linter: 'redocly',
    severity: p.severity === 'error' ? 'error' : p.severity === 'warn' ? 'warning' : 'other',
    rule: p.ruleId,
    where: p.location[0]?.pointer ?? '',
    message: p.message,
  }));
}

async function spectral(file: string): Promise<Finding[]> {
  const out = await run([
    require.resolve('@stoplight/spectral-cli/dist/index.js'),
    'lint',
    file,
    '--ruleset',
    join(CONFIG, 'spectral.yaml'),
    '--format=json',
    '--quiet',
  ]);
  const report = JSON.parse(out.trim() || '[]') as {
    code: string;
    severity: number;
    message: string;
    path: string[];
  }[];
  // Spectral severities: 0 error, 1 warning, 2 info, 3 hint.
  return report.map((p) => ({
    linter: 'spectral',
    severity: p.severity === 0 ? 'error' : p.severity === 1 ? 'warning' : 'other',
    rule: p.code,
    where: p.path.join('.'),
    message: p.message,
  }));
}

describe('the published OpenAPI document passes both linters', () => {
  const t = useTestApp(backends[0]!);
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orgkit-openapi-'));
    file = join(dir, 'openapi.json');
    const res = await t.app.request('/v1/openapi.json');
    await writeFile(file, JSON.stringify(await res.json(), null, 2));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('redocly lint (recommended ruleset): 0 errors, 0 warnings', async () => {
    const findings = await redocly(file);
    console.info(
      `REDOCLY errors=${findings.filter((f) => f.severity === 'error').length} warnings=${findings.filter((f) => f.severity === 'warning').length}`,
    );
    expect(findings.filter((f) => f.severity !== 'other')).toEqual([]);
  }, 120_000);

  it('spectral lint (spectral:oas): 0 errors, 0 warnings', async () => {
    const findings = await spectral(file);
    console.info(
      `SPECTRAL errors=${findings.filter((f) => f.severity === 'error').length} warnings=${findings.filter((f) => f.severity === 'warning').length}`,
    );
    expect(findings.filter((f) => f.severity !== 'other')).toEqual([]);
  }, 120_000);
});
