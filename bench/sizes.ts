/**
 * Everything the script-tag build can load: the loader and every chunk the
 * entry can reach, statically or lazily (the build's manifest), counted as
 * they travel gzipped (the `.gz` files the proxy serves).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, Chunk>;

const SCRIPT_ENTRY = 'widget/embed-bridge/script-entry.ts';

export function scriptTagSize(dist: string) {
  const manifest = JSON.parse(readFileSync(join(dist, 'sphere-ramp/.vite/manifest.json'), 'utf8')) as Manifest;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const k of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(k);
  };
  visit(SCRIPT_ENTRY);
  const gz = (path: string) => statSync(`${path}.gz`).size;
  const bytes = gz(join(dist, 'sphere-ramp.js')) + [...files].reduce((sum, f) => sum + gz(join(dist, 'sphere-ramp', f)), 0);
  return { bytes, files: files.size + 1 };
}
