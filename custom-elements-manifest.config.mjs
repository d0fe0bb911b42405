// custom-elements.json for the public element: attributes, properties,
// events (from `@fires` on the class), parts and CSS properties. Internal step
// elements are not public API, so only the root element is analysed.
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

export default {
  globs: ['widget/sphere-ramp/sphere-ramp.ts', 'widget/sphere-ramp/define.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [defineElementCalls()],
};
