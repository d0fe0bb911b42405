/**
 * Bundle sizes from the script-tag build's manifest, each file gzipped on its
 * own (as it travels): everything `/sphere-ramp.js` can ever load, and what
 * the first screen needs (loader, entry and its static imports, and the first
 * step a new person sees with its static imports).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, Chunk>;

const SCRIPT_ENTRY = 'widget/embed-bridge/script-entry.ts';
const FIRST_STEP = 'widget/steps/onboarding/profile-step.ts';

function closure(manifest: Manifest, keys: string[], dynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const k of chunk.imports ?? []) visit(k);
    if (dynamic) for (const k of chunk.dynamicImports ?? []) visit(k);
  };
  keys.forEach(visit);
  return seen;
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

export function bundleSizes(dist: string) {
  const manifest = JSON.parse(readFileSync(join(dist, 'sphere-ramp/.vite/manifest.json'), 'utf8')) as Manifest;
  const total = (files: Set<string>) => gz(join(dist, 'sphere-ramp.js')) + [...files].reduce((sum, f) => sum + gz(join(dist, 'sphere-ramp', f)), 0);
  const all = closure(manifest, [SCRIPT_ENTRY], true);
  const first = closure(manifest, [SCRIPT_ENTRY, FIRST_STEP], false);
  return { scriptTag: { bytes: total(all), files: all.size + 1 }, firstScreen: { bytes: total(first), files: first.size + 1 } };
}
