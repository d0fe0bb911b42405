/**
 * One Vite config, one output per `--mode` (externals differ per output):
 *
 * - `esm`: the npm package (dist/esm): modules preserved so `sideEffects`
 *   can name the files that register elements; Lit, @lit/*, zod and React
 *   stay external.
 * - `script`: the script-tag and iframe code (dist/sphere-ramp/): ES module
 *   chunks with everything bundled, so steps still load on demand; entries
 *   are hashed and immutable.
 * - `loader`: dist/sphere-ramp.js, the one classic file a merchant adds
 *   with `<script src>`; it imports the hashed `script` entry named by
 *   RAMP_SCRIPT_ENTRY (scripts/build.mjs passes it).
 * - `demo`: the demo merchant site (dist/demo), a multi-page app whose SPA
 *   page imports the package by its public names.
 */
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { minifyHTMLLiterals } from 'minify-literals';
import { resolve } from 'node:path';

const root = import.meta.dirname;
const at = (path: string) => resolve(root, path);
/**
 * What the steps after the first load, as one chunk (`journey`):
 * - what nearly every later step uses: tasks, the form controller and directives, notices, number formats, copy buttons;
 * - zod and the contract's schemas: every form and answer check, and the live-events reader (its
 *   events are checked with them), never the shell (its guards are zod-free);
 * - the onboarding steps after the first (forms, documents, verification, review);
 * - the money steps (amount, quote, transfer, receipt, history) and what only they show (the QR code; the proxy encodes it).
 */
const JOURNEY = [
  /node_modules[\\/](@lit[\\/]task|lit[\\/](directives|decorators)|lit-html[\\/]directives|@lit[\\/]reactive-element[\\/]decorators)|widget[\\/](ui[\\/](form|copy-button[\\/])|steps[\\/]onboarding[\\/](notice|customer-created)|i18n[\\/]format)/,
  /node_modules[\\/]zod[\\/]|contract[\\/](spherepay[\\/]|countries|validators|hashes|money|criteria|live-events)|widget[\\/]api[\\/]event-stream/,
  /widget[\\/]steps[\\/]onboarding[\\/](?!profile-step[\\/])/,
  /widget[\\/](steps[\\/]money|ui[\\/]qr-code)[\\/]/,
];
/** The locale of a string catalogue module (widget/i18n/<locale>/<area>.ts). */
const CATALOGUE_LOCALE = /widget[\\/]i18n[\\/]([^\\/]+)[\\/]/;
// Every runtime dependency stays external in the npm build: consumers
// install (and dedupe) them; a bundled copy would sit in dist/esm/node_modules.
const external = [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^react($|\/)/, /^react-dom($|\/)/];

/**
 * Our html`` and css`` templates without their indentation and comments (the
 * script build only: each chunk is gzipped alone, and the templates are most
 * of a step's bytes). Whitespace collapses to one space, never to none, so
 * text beside inline elements and bindings reads as written; nothing else
 * in the markup changes (empty attributes, entities and quotes stay). CSS
 * is minified as a stylesheet, so a css`` fragment interpolated into a rule
 * loses its last semicolon: it must come last in its block (see
 * widget/theme/tokens.ts; the built-bundle e2e checks every theme token).
 */
const minifyTemplates = (): Plugin => ({
  name: 'sphere-ramp:minify-templates',
  async transform(code, id) {
    if (!/[\\/]widget[\\/].*\.ts$/.test(id) || !/(html|svg|css)`/.test(code)) return null;
    const html = { caseSensitive: true, collapseWhitespace: true, conservativeCollapse: true, decodeEntities: false, minifyCSS: { minify: true }, minifyJS: false, removeAttributeQuotes: false, removeComments: true, removeEmptyAttributes: false };
    return (await minifyHTMLLiterals(code, { fileName: id, html })) ?? null;
  },
});

/**
 * Vite wraps every import() in its preload helper (1.9 KB raw in the entry), which
 * preloads an import's other chunks and its CSS. Here there is nothing to preload:
 * with `modulePreload: false` it would only ever preload CSS, and this build has
 * none (styles live in the components); every lazy chunk imports only the entry,
 * already loaded. So the helper just calls the import. Should a CSS file ever be
 * emitted, the build fails here rather than lose it.
 */
const noPreloadHelper = (): Plugin => ({
  name: 'sphere-ramp:no-preload-helper',
  enforce: 'pre',
  load: (id) => (id === '\0vite/preload-helper.js' ? 'export const __vitePreload = (load) => load();' : null),
  generateBundle(_options, bundle) {
    const css = Object.keys(bundle).filter((file) => file.endsWith('.css'));
    if (css.length) this.error(`the script build emitted CSS (${css.join(', ')}): noPreloadHelper would not preload it`);
  },
});

/** The package's public names, pointed at the sources (for the demo build). */
const selfAlias = [
  { find: /^sphere-ramp\/react$/, replacement: at('widget/react/index.ts') },
  { find: /^sphere-ramp\/frame$/, replacement: at('widget/frame/index.ts') },
  { find: /^sphere-ramp$/, replacement: at('widget/index.ts') },
];

const configs: Record<string, () => UserConfig> = {
  esm: () => ({
    build: {
      outDir: at('dist/esm'),
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: true,
      lib: {
        entry: { index: at('widget/index.ts'), react: at('widget/react/index.ts'), frame: at('widget/frame/index.ts'), vue: at('widget/vue/index.ts') },
        formats: ['es'],
      },
      rolldownOptions: {
        external,
        output: {
          preserveModules: true,
          preserveModulesRoot: root,
          entryFileNames: '[name].js',
          // Next.js (app router) and other RSC frameworks import the React entry from server components: mark it a client boundary.
          banner: (chunk) => (chunk.isEntry && chunk.name === 'react' ? "'use client';" : ''),
        },
      },
    },
  }),
  script: () => ({
    plugins: [minifyTemplates(), noPreloadHelper()],
    // Relative: chunk URLs (and the preload list of each lazy step) resolve against
    // the importing module, so they point at the proxy even on a merchant's origin.
    base: './',
    build: {
      outDir: at('dist/sphere-ramp'),
      emptyOutDir: true,
      target: 'es2022',
      manifest: true,
      // Nothing for Vite to preload (see noPreloadHelper); the first
      // screen's closure is preloaded by /sphere-ramp.js itself.
      modulePreload: false,
      rolldownOptions: {
        input: { index: at('widget/embed-bridge/script-entry.ts'), embed: at('widget/embed-bridge/embed-entry.ts') },
        preserveEntrySignatures: false,
        output: {
          entryFileNames: '[name]-[hash].js',
          // A catalogue's chunk names its locale (pt-BR-journey-[hash].js), beside the code's journey-[hash].js.
          chunkFileNames: (chunk) => `${CATALOGUE_LOCALE.exec(chunk.facadeModuleId ?? '')?.[1]?.concat('-') ?? ''}[name]-[hash].js`,
          format: 'es',
          // Fewer, larger chunks where a split costs more than it saves (each file
          // is compressed alone, and each is a request): the entry chunk holds Lit and
          // the shell; the first step (profile) is a file of its own; everything after
          // it is one more (`journey`), which compressed together is 2 KB smaller than
          // as four files, and which a lazy step loads in one request, with no second
          // wave of imports (it imports only the entry, already loaded). Strings load
          // per locale and area (widget/i18n/messages.ts).
          codeSplitting: {
            groups: [
              // The entry and everything it imports statically (recursively): one file, not the
              // few small common chunks automatic splitting would cut from what later chunks share.
              { name: 'shell', test: /widget[\\/](sphere-ramp[\\/]define|embed-bridge[\\/]script-entry)\.ts$|@lit[\\/]context[\\/]/, priority: 3 },
              // The shell's group comes first, so a shell module a later step imports (the strings
              // helper, the zod-free profile rules) stays in the shell and never drags this group onto the first screen.
              { name: 'journey', test: (id: string) => JOURNEY.some((area) => area.test(id)), priority: 2 },
            ],
          },
        },
      },
    },
  }),
  loader: () => {
    const entry = process.env.RAMP_SCRIPT_ENTRY;
    if (!entry) throw new Error('RAMP_SCRIPT_ENTRY is not set: run `npm run build` (scripts/build.mjs)');
    return {
      define: { __RAMP_SCRIPT_ENTRY__: JSON.stringify(entry), __RAMP_PRELOAD__: process.env.RAMP_PRELOAD ?? '[]' },
      build: {
        outDir: at('dist'),
        emptyOutDir: false,
        target: 'es2020',
        rolldownOptions: { input: at('widget/embed-bridge/loader.ts'), output: { format: 'iife', entryFileNames: 'sphere-ramp.js' } },
      },
    };
  },
  demo: () => ({
    root: at('demo'),
    // The script-tag page's classic `<script src="/sphere-ramp.js">` is meant to stay unbundled; Vite would warn about it.
    logLevel: 'error',
    base: '/',
    plugins: [react()],
    resolve: { alias: selfAlias },
    build: {
      outDir: at('dist/demo'),
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: {
        input: {
          index: at('demo/index.html'),
          script: at('demo/script-tag.html'),
          minimal: at('demo/minimal.html'),
          portal: at('demo/portal.html'),
          spa: at('demo/spa.html'),
        },
      },
    },
  }),
};

export default defineConfig(({ mode }) => {
  const config = configs[mode];
  if (!config) throw new Error(`vite --mode must be one of ${Object.keys(configs).join(', ')}`);
  return { logLevel: 'warn', ...config() } satisfies UserConfig;
});
