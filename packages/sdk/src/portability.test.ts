import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('portability', () => {
  it('bundles for browsers and edge runtimes without any Node-only import', async () => {
    const result = await build({
      entryPoints: [new URL('./index.ts', import.meta.url).pathname],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const imports = Object.values(result.metafile.inputs).flatMap((input) =>
      input.imports.map((i) => i.path),
    );
    expect(
      imports.filter(
        (path) => path.startsWith('node:') || ['fs', 'path', 'crypto', 'buffer'].includes(path),
      ),
    ).toEqual([]);
    expect(result.outputFiles[0]!.text).not.toMatch(/\brequire\(/);
  });
});
