/**
 * What one person can load through the script tag: the loader, every code
 * chunk the entry can reach, statically or lazily (the build's manifest),
 * and the string catalogues of one language, counted as they travel
 * gzipped (the `.gz` files the proxy serves). A person sees one language,
 * so the largest one is counted (the worst case); each other language is
 * reported apart, as what it adds for the people who choose it.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Chunk {
  file: string;
  src?: string;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, Chunk>;

const SCRIPT_ENTRY = 'widget/embed-bridge/script-entry.ts';
/**
 * A catalogue chunk: one locale's strings for one area (widget/i18n/messages.ts loads each alone).
 * English `common` is not one: it is in the entry, what everyone loads, so it counts as code.
 */
const CATALOGUE = /^widget\/i18n\/([^/]+)\//;

export interface ScriptTagSize {
  /** Loader + code chunks + the largest language's catalogues. */
  bytes: number;
  files: number;
  /** Which language was counted. */
  locale: string;
  /** What every other language's catalogues add, largest first. */
  furtherLanguages: { locale: string; bytes: number }[];
}

export function scriptTagSize(dist: string): ScriptTagSize {
  const manifest = JSON.parse(readFileSync(join(dist, 'sphere-ramp/.vite/manifest.json'), 'utf8')) as Manifest;
  const gz = (path: string) => statSync(`${path}.gz`).size;
  const code = new Set<string>();
  const languages = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    const locale = CATALOGUE.exec(chunk.src ?? key)?.[1];
    if (locale) languages.set(locale, (languages.get(locale) ?? new Set()).add(chunk.file));
    else code.add(chunk.file);
    for (const k of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(k);
  };
  visit(SCRIPT_ENTRY);
  const sum = (files: Iterable<string>) => [...files].reduce((total, f) => total + gz(join(dist, 'sphere-ramp', f)), 0);
  const perLanguage = [...languages].map(([locale, files]) => ({ locale, bytes: sum(files), files: files.size })).sort((a, b) => b.bytes - a.bytes);
  const [largest, ...further] = perLanguage;
  return {
    bytes: gz(join(dist, 'sphere-ramp.js')) + sum(code) + (largest?.bytes ?? 0),
    files: 1 + code.size + (largest?.files ?? 0),
    locale: largest?.locale ?? 'none',
    furtherLanguages: further.map(({ locale, bytes }) => ({ locale, bytes })),
  };
}
