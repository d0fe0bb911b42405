/**
 * Builds the minimal Lit page (one hashed module, minified, precompressed like
 * the widget's chunks) into a temporary folder, for bench/processes/peer-page.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { build } from 'vite';

export async function buildMinimalLitPage(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'ramp-bench-peer-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: { minimal: join(import.meta.dirname, 'minimal-lit.ts') }, output: { entryFileNames: '[name]-[hash].js', format: 'es' } },
    },
  });
  const script = readdirSync(outDir).find((f) => f.endsWith('.js'))!;
  writeFileSync(join(outDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Minimal Lit</title><script type="module" src="/${script}"></script></head><body><minimal-lit></minimal-lit></body></html>`);
  for (const file of [script, 'index.html']) {
    const body = readFileSync(join(outDir, file));
    writeFileSync(join(outDir, `${file}.br`), brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(join(outDir, `${file}.gz`), gzipSync(body, { level: 9 }));
  }
  return outDir;
}
