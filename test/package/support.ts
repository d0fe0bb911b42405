/** The repository root, and a full build of dist/ (npm package included) when it is missing or stale. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

const newest = (path: string): number => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n))));
};

/** `npm run build` unless dist/custom-elements.json is newer than every source the npm build reads. */
export function ensureFullBuild(): void {
  const built = newest(join(ROOT, 'dist/custom-elements.json'));
  const sources = Math.max(...['widget', 'contract', 'vite.config.ts', 'custom-elements-manifest.config.mjs', 'tsconfig.build.json', 'scripts/build.mjs', 'package.json'].map((p) => newest(join(ROOT, p))));
  if (built > sources && existsSync(join(ROOT, 'dist/esm/index.js'))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}
