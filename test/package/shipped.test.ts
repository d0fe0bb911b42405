/**
 * What `npm pack` ships, read from the built dist/ and package.json: every
 * entry imports on a server (no DOM at module load) and the React wrapper
 * renders with renderToString; custom-elements.json names shipped files and
 * typed events; the parts are documented once and match the templates;
 * dependencies are exactly what the shipped code imports; the README's links
 * work on npm's page; source maps ship only beside shipped code.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { createElement, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { RAMP_EVENTS } from '../../contract/ramp-events.ts';
import { PARTS } from '../../widget/ui/parts.ts';
import { ROOT, ensureFullBuild } from './support.ts';

ensureFullBuild();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types?: string; default?: string }>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  repository?: { url: string };
  homepage?: string;
};

/** The files `npm pack` would put in the tarball. */
const packed: string[] = (JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);

const entryFiles = Object.entries(pkg.exports)
  .map(([name, target]) => [name, typeof target === 'string' ? target : target.default] as const)
  .filter((e): e is readonly [string, string] => !!e[1] && e[1].endsWith('.js') && !e[1].includes('sphere-ramp.js'));

describe('importing the package on a server', () => {
  it('every JavaScript entry of package.json imports in Node without a DOM', async () => {
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    assert.deepEqual(entryFiles.map(([n]) => n).sort(), ['.', './frame', './react', './vue']);
    for (const [name, file] of entryFiles) {
      const mod = (await import(pathToFileURL(join(ROOT, file)).href)) as Record<string, unknown>;
      assert.ok(Object.keys(mod).length > 0, `${name} exports something`);
    }
  });

  it("the React entry is a client boundary ('use client' first) and renders with renderToString", async () => {
    const file = join(ROOT, 'dist/esm/react.js');
    assert.match(readFileSync(file, 'utf8'), /^['"]use client['"];/);
    // Typed loosely on purpose: the widget's sources need the browser tsconfig (decorators).
    const { SphereRamp } = (await import(pathToFileURL(file).href)) as { SphereRamp: ComponentType<Record<string, unknown>> };
    const out = renderToString(createElement(SphereRamp, { sessionUrl: '/ramp/session', theme: 'dark', onRampError: () => undefined }));
    assert.match(out, /^<sphere-ramp[\s>]/);
  });
});

describe('custom-elements.json', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/custom-elements.json'), 'utf8')) as {
    modules: { path: string; declarations?: { tagName?: string; events?: { name: string; type?: { text: string } }[]; cssParts?: { name: string }[]; attributes?: { name: string }[] }[]; exports?: { declaration: { module?: string } }[] }[];
  };
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'sphere-ramp');

  it('names shipped JavaScript files, not sources', () => {
    assert.ok(packed.includes('dist/custom-elements.json'));
    for (const mod of manifest.modules) {
      assert.match(mod.path, /^dist\/esm\/.*\.js$/);
      assert.ok(packed.includes(mod.path), `${mod.path} is in the tarball`);
      for (const exp of mod.exports ?? []) if (exp.declaration.module) assert.ok(packed.includes(exp.declaration.module), `${exp.declaration.module} is in the tarball`);
    }
  });

  it('lists every event with its detail type, and the debug attribute', () => {
    assert.ok(element, 'sphere-ramp is declared');
    assert.deepEqual(element.events?.map((e) => e.name).sort(), [...RAMP_EVENTS].sort());
    for (const event of element.events ?? []) assert.match(event.type?.text ?? '', /^CustomEvent<\{ .+ \}>$/, `${event.name} has a detail type`);
    assert.match(element.events!.find((e) => e.name === 'ramp-error')!.type!.text, /code: .*message: string; retryable: boolean/);
    assert.ok(element.attributes?.some((a) => a.name === 'debug'));
  });

  it('its attributes are exactly the ones SphereRampAttributes types for template checkers', () => {
    const text = readFileSync(join(ROOT, 'widget/types/attributes.ts'), 'utf8');
    const body = text.slice(text.indexOf('interface SphereRampAttributes'), text.indexOf('}', text.indexOf('interface SphereRampAttributes')));
    const typed = [...body.matchAll(/^\s+'?([a-z-]+)'?\?:/gm)].map((m) => m[1]!).filter((n) => n !== 'fetchSession');
    assert.deepEqual(typed.sort(), element?.attributes?.map((a) => a.name).sort());
  });

  it('lists the parts, which are the parts the templates use and the README documents', () => {
    const names = Object.keys(PARTS).sort();
    assert.deepEqual(element?.cssParts?.map((p) => p.name).sort(), names);
    const used = new Set<string>();
    for (const file of readdirSync(join(ROOT, 'widget'), { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))) {
      for (const [, name] of readFileSync(join(ROOT, 'widget', file), 'utf8').matchAll(/\bpart="([a-z-]+)"/g)) used.add(name!);
    }
    assert.deepEqual([...used].sort(), names, 'widget/ui/parts.ts lists exactly the part="…" names of the templates');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const name of names) assert.ok(readme.includes(`| \`${name}\` |`), `README documents ::part(${name})`);
  });
});

describe('package hygiene', () => {
  /** Bare specifiers the shipped code imports, by package name. */
  function importedPackages(): Set<string> {
    const names = new Set<string>();
    for (const file of packed.filter((f) => f.endsWith('.js') && f.startsWith('dist/esm/'))) {
      for (const [, spec] of readFileSync(join(ROOT, file), 'utf8').matchAll(/(?:^|[\s;])(?:import|export)\s*(?:[^'"]*?\sfrom\s*)?['"]([^'".][^'"]*)['"]/gm)) {
        names.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
      }
    }
    return names;
  }

  it('dependencies are exactly what dist/esm imports (React as a peer), nothing bundled into dist/esm/node_modules', () => {
    const imported = importedPackages();
    for (const name of imported) assert.ok(!builtinModules.includes(name), `dist/esm imports the Node module ${name}`);
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)]);
    assert.deepEqual([...imported].filter((n) => !declared.has(n)), [], 'every import is a dependency or peer');
    assert.deepEqual(Object.keys(pkg.dependencies).filter((n) => !imported.has(n)), [], 'no unused dependency');
    assert.deepEqual(packed.filter((f) => f.includes('node_modules/')), []);
  });

  it('ships no QR encoder: no shipped module imports lean-qr (the proxy draws QR codes, GET /api/qr)', () => {
    assert.ok(!importedPackages().has('lean-qr'), 'dist/esm imports lean-qr');
    assert.ok(!('lean-qr' in pkg.dependencies), 'lean-qr is the proxy\'s, not a dependency of the package');
  });

  it('has a repository, and every README link and image is absolute (npm shows the README off GitHub)', () => {
    assert.match(pkg.repository?.url ?? '', /^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    assert.ok(links.length > 5);
    assert.deepEqual(links.filter((l) => !/^https:\/\//.test(l)), [], 'relative links break on npmjs.com');
    const repo = pkg.repository!.url.replace(/^git\+/, '').replace(/\.git$/, '');
    for (const link of links.filter((l) => l.startsWith(repo) || l.includes('raw.githubusercontent.com'))) {
      const path = link.replace(`${repo}/blob/main/`, '').replace(/^https:\/\/raw\.githubusercontent\.com\/[^/]+\/[^/]+\/main\//, '').split('#')[0]!;
      assert.ok(existsSync(join(ROOT, path)), `${link} points at ${path}, which exists in the repository`);
    }
  });

  it('source maps ship only beside shipped code, carrying their sources (no .ts file is shipped but .d.ts)', () => {
    const maps = packed.filter((f) => f.endsWith('.map'));
    for (const map of maps) {
      assert.ok(packed.includes(map.slice(0, -4)), `${map} sits beside its shipped file`);
      const parsed = JSON.parse(readFileSync(join(ROOT, map), 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      assert.equal(parsed.sourcesContent?.filter((c) => typeof c === 'string').length, parsed.sources.length, `${map} embeds its sources`);
    }
    assert.deepEqual(packed.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')), []);
    assert.deepEqual(packed.filter((f) => f.includes('/.vite/') || f.startsWith('dist/demo/')), []);
  });
});
