// custom-elements.json for the public element: attributes, properties,
// events (from `@fires` on the class, typed from contract/ramp-events.ts),
// parts (from widget/ui/parts.ts, the one list) and CSS properties. Internal
// step elements are not public API, so only the root element is analysed.
// Module paths name the shipped files (dist/esm/**.js), not the sources.
import { readFileSync } from 'node:fs';
// Elements register through `defineElement(tag, Class)` (guarded against
// double registration), which the analyser does not know: the plugin below
// turns those calls into tag names.
const defineElementCalls = () => {
  const definitions = [];
  return {
    name: 'sphere-ramp-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, cls] = node.arguments;
      if (!tag || !cls || !ts.isStringLiteral(tag) || !ts.isIdentifier(cls)) return;
      definitions.push({ tag: tag.text, className: cls.text });
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag.text, declaration: { name: cls.text } });
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          const def = definitions.find((d) => d.className === decl.name);
          if (def && decl.kind === 'class') Object.assign(decl, { tagName: def.tag, customElement: true });
        }
        for (const exp of mod.exports ?? []) {
          if (exp.kind !== 'custom-element-definition' || exp.declaration.module) continue;
          const home = customElementsManifest.modules.find((m) => m.declarations?.some((d) => d.name === exp.declaration.name));
          if (home) exp.declaration.module = home.path;
        }
      }
    },
  };
};

/** `'ramp-ready': { version: 1 }` -> the detail's type text, interfaces of the same file inlined. */
function eventDetailTypes(ts) {
  const file = 'contract/ramp-events.ts';
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = new Map();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  const inline = (node) => `{ ${node.members.map((m) => m.getText(source).replace(/\/\*\*[\s\S]*?\*\/\s*/g, '').replace(/;$/, '')).join('; ')} }`;
  const map = interfaces.get('RampEventMap');
  if (!map) throw new Error(`${file}: no RampEventMap`);
  const types = new Map();
  for (const member of map.members) {
    const name = member.name.text;
    const text = member.type.getText(source);
    types.set(name, interfaces.has(text) ? inline(interfaces.get(text)) : text.replace(/\s+/g, ' '));
  }
  return types;
}

/** The part names and descriptions, read from widget/ui/parts.ts. */
function publicParts() {
  const text = readFileSync('widget/ui/parts.ts', 'utf8');
  const body = text.slice(text.indexOf('export const PARTS = {'), text.indexOf('} as const'));
  return [...body.matchAll(/^\s+'?([a-z-]+)'?: '((?:[^'\\]|\\.)*)',$/gm)].map(([, name, description]) => ({ name, description: description.replace(/\\'/g, "'") }));
}

const shippedPath = (path) => (path.endsWith('.ts') ? `dist/esm/${path.slice(0, -3)}.js` : path);

const publicApi = () => ({
  name: 'sphere-ramp-public-api',
  packageLinkPhase({ customElementsManifest, context }) {
    const ts = context.ts ?? globalThis.__cemTs;
    const details = eventDetailTypes(ts);
    for (const mod of customElementsManifest.modules) {
      for (const decl of mod.declarations ?? []) {
        if (decl.tagName !== 'sphere-ramp') continue;
        for (const event of decl.events ?? []) {
          const detail = details.get(event.name);
          if (!detail) throw new Error(`@fires ${event.name}: not in contract/ramp-events.ts`);
          event.type = { text: `CustomEvent<${detail}>` };
        }
        decl.cssParts = publicParts();
      }
      mod.path = shippedPath(mod.path);
      for (const exp of mod.exports ?? []) if (exp.declaration?.module) exp.declaration.module = shippedPath(exp.declaration.module);
    }
  },
});

export default {
  globs: ['widget/sphere-ramp/sphere-ramp.ts', 'widget/sphere-ramp/define.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [defineElementCalls(), tsCapture(), publicApi()],
};

/** The analyser hands `ts` to the analyse phase only; keep it for the link phase. */
function tsCapture() {
  return {
    name: 'sphere-ramp-ts',
    analyzePhase({ ts }) {
      globalThis.__cemTs = ts;
    },
  };
}
