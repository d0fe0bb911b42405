/**
 * Every `sphere-ramp-*` tag the widget's templates render (`<sphere-ramp-x`)
 * or name as a step (`tag: 'sphere-ramp-x'`), read from the sources: what a
 * build must define, whatever its bundler tree-shook.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function templateTags(root: string): string[] {
  const dir = join(root, 'widget');
  const tags = new Set<string>();
  for (const file of readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const [, tag] of text.matchAll(/<(sphere-ramp-[a-z-]+)[\s>]/g)) tags.add(tag!);
    for (const [, tag] of text.matchAll(/\btag: '(sphere-ramp-[a-z-]+)'/g)) tags.add(tag!);
  }
  return [...tags].sort();
}
