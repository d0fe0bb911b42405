// The walls between deployables (DESIGN.md "Layout"), checked on every
// `npm test`: each folder imports only itself and the folders listed here,
// nothing product-side imports dev/, only define.ts files register
// custom elements, and the widget imports Lit's decorators one file each
// (the `lit/decorators.js` barrel would put every decorator any step uses on
// the first screen, issue 15). Prints every violation and exits 1 if there is one.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** folder -> the other top-level folders it may import */
const ALLOWED = {
  contract: [],
  widget: ['contract'],
  'proxy-server': ['contract'],
  sandbox: ['contract'],
  demo: ['contract', 'widget'],
  dev: ['contract', 'proxy-server', 'sandbox', 'demo'],
};
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

const problems = [];
for (const [folder, allowed] of Object.entries(ALLOWED)) {
  for (const name of readdirSync(join(root, folder), { recursive: true }).map(String)) {
    if (!SOURCE.test(name)) continue;
    const file = join(root, folder, name);
    const text = readFileSync(file, 'utf8');
    const rel = relative(root, file);
    for (const [, spec] of text.matchAll(IMPORT)) {
      if (folder === 'widget' && spec === 'lit/decorators.js') problems.push(`${rel}: imports lit/decorators.js; import each decorator from lit/decorators/<name>.js`);
      if (!spec.startsWith('.')) continue;
      const target = relative(root, resolve(dirname(file), spec)).split(sep)[0];
      if (target !== folder && !allowed.includes(target)) problems.push(`${rel}: imports ${spec} (${folder}/ may import ${['itself', ...allowed].join(', ')})`);
    }
    if (folder === 'widget' && !/(^|\/)define\.ts$/.test(name) && /\b(customElements\.define|defineElement)\(\s*['"]/.test(text)) {
      problems.push(`${rel}: registers an element; only define.ts files may (package.json sideEffects names them by pattern)`);
    }
  }
}
if (problems.length) {
  console.error(`Layout walls broken (DESIGN.md "Layout"):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('layout: every import stays inside its walls; only define.ts files register elements; decorators one file each');
