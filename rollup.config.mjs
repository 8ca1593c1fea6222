// Rollup: the CDN bundle, dist/cdn/media-gallery.js (+ .map).
//
// One minified, self-registering ES module with Lit inside, built from src/cdn.ts. esbuild
// strips the TypeScript (the same transform the tests use); node-resolve picks Lit's
// production build (no `development` export condition), so its dev-mode warnings are gone;
// terser minifies and renames `_`-prefixed properties (MANGLED below). The npm entry (ES
// modules, Lit external, .d.ts) is `tsc -p tsconfig.build.json`, run by scripts/build.mjs first.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { transform } from 'esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

/**
 * Properties terser may rename: `_` then a letter, this project's convention for a private
 * member (`private _items`). Lit's own `_$…` names, every other name, and any name that also
 * appears quoted (`keep_quoted`) are left alone. Renaming is only sound while such a name is
 * never reached through a string (`requestUpdate('_x')`, `changed.has('_x')`, `.${'_x'}=` in a
 * template, `obj['_x']`) and is not a reactive property with an attribute: checkMangledNames()
 * fails the build otherwise. The npm entry (tsc) is not renamed.
 */
const MANGLED = /^_[A-Za-z]/;

/** Fails the build if a name MANGLED matches is also used as a string or as an attribute. */
function checkMangledNames() {
  const isKey = (n) => !n.computed && n.key?.type === 'Identifier';
  return {
    name: 'check-mangled-names',
    renderChunk(code) {
      const names = new Set();
      const strings = [];
      const attributes = [];
      const visit = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') names.add(node.property.name);
        if (/^(Property|PropertyDefinition|MethodDefinition)$/.test(node.type) && isKey(node)) names.add(node.key.name);
        if (node.type === 'Literal' && typeof node.value === 'string') strings.push(node.value);
        if (node.type === 'TemplateElement') strings.push(node.value.raw);
        // `X.properties = {...}` / `static properties = {...}`: a `_x` key needs `state: true`
        // or `attribute: false`, since its attribute name would be renamed with it.
        const target = node.type === 'AssignmentExpression' ? node.left : node.type === 'PropertyDefinition' ? node : null;
        const value = node.type === 'AssignmentExpression' ? node.right : node.value;
        const named = target && (target.type === 'MemberExpression' ? target.property : target.key);
        if (named?.name === 'properties' && value?.type === 'ObjectExpression') {
          for (const p of value.properties) {
            if (p.type !== 'Property' || !isKey(p) || !MANGLED.test(p.key.name)) continue;
            const opts = p.value.type === 'ObjectExpression' ? p.value.properties : [];
            const has = (k, v) => opts.some((o) => isKey(o) && o.key.name === k && o.value.type === 'Literal' && o.value.value === v);
            if (!has('state', true) && !has('attribute', false)) attributes.push(p.key.name);
          }
        }
        for (const key in node) {
          const child = node[key];
          if (Array.isArray(child)) child.forEach(visit);
          else if (child && typeof child === 'object') visit(child);
        }
      };
      visit(this.parse(code));
      const text = strings.join('\n');
      // A name inside a CSS custom property (`--_caption-fg`) is not a property access: a `-`
      // on either side does not count.
      const inStrings = [...names].filter((n) => MANGLED.test(n) && new RegExp(`(?:^|[^\\w$-])${n}(?![\\w$-])`).test(text));
      if (inStrings.length || attributes.length) {
        this.error(
          `Properties named like ${MANGLED} are renamed in the CDN bundle, but ` +
            (inStrings.length ? `${inStrings.join(', ')} also appear(s) in a string` : '') +
            (inStrings.length && attributes.length ? ', and ' : '') +
            (attributes.length ? `${attributes.join(', ')} would have an attribute` : '') +
            '. Rename the member (drop the leading "_") or stop reaching it by name.',
        );
      }
      return null;
    },
  };
}

/** TypeScript sources through esbuild, and `./x.js` imports resolved to `./x.ts` (NodeNext style). */
function typescript() {
  return {
    name: 'esbuild-typescript',
    async resolveId(source, importer) {
      if (!importer || !/\.ts$/.test(importer) || !source.startsWith('.') || !source.endsWith('.js')) {
        return null;
      }
      const resolved = resolve(dirname(importer), source.slice(0, -3) + '.ts');
      if (!existsSync(resolved)) return null;
      // package.json `sideEffects` names dist files only; the registration modules
      // (elements/*.ts) must keep their customElements.define() here.
      return { id: resolved, moduleSideEffects: /[\\/]elements[\\/][^\\/]+\.ts$/.test(resolved) ? true : null };
    },
    async transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const result = await transform(code, {
        loader: 'ts',
        target: 'es2021',
        format: 'esm',
        sourcefile: id,
        sourcemap: true,
        // Same class-field semantics as tsconfig.json (Lit's reactive properties need it).
        tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
      });
      return { code: result.code, map: result.map };
    },
  };
}

export default {
  input: 'src/cdn.ts',
  // The shared code (Lit, the grid) stays in media-gallery.js, which the preview chunk imports
  // back, instead of a third file behind an entry facade.
  preserveEntrySignatures: 'allow-extension',
  output: {
    // The entry, and the chunk it loads on demand beside it (gallery-preview.js: the preview,
    // gestures, zoom), resolved relative to the entry's own URL, so a CDN or any static server
    // serves them as they are.
    dir: 'dist/cdn',
    entryFileNames: 'media-gallery.js',
    chunkFileNames: '[name].js',
    format: 'es',
    sourcemap: true,
    // Code two chunks share stays in the entry instead of a chunk of its own that both import:
    // every chunk then imports the entry only. A chunk whose static import failed can never load
    // in that page in Firefox (it keeps the failed fetch), while one that imports only the entry can
    // be retried (src/chunk-import.ts). test/node/cdn.test.ts checks that each chunk imports the entry only.
    manualChunks(id) {
      return /[\\/]src[\\/](cdn|controllers[\\/]roving-list)\.ts$/.test(id) ? 'media-gallery' : undefined;
    },
    banner: '/*! media-gallery | MIT | bundles Lit (BSD-3-Clause, Google LLC) */',
  },
  plugins: [
    typescript(),
    // Collapses the whitespace of html`` and css`` templates (html-minifier-terser, clean-css).
    // keepClosingSlash: an svg`` fragment has no <svg> around it, so the HTML minifier would
    // drop the `/` of `<circle …/>`; in SVG that leaves the shape open and the next shape
    // becomes its child, which is not drawn.
    minifyTemplateLiterals({ options: { minifyOptions: { keepClosingSlash: true } } }),
    nodeResolve({
      browser: true,
      exportConditions: ['browser', 'production'],
      extensions: ['.mjs', '.js', '.ts'],
    }),
    checkMangledNames(),
    terser({
      module: true,
      ecma: 2021,
      compress: { passes: 2 },
      mangle: { properties: { regex: MANGLED, keep_quoted: true } },
      format: { comments: /^!/ },
    }),
  ],
  onwarn(warning, warn) {
    // Lit's compiled modules use `this` at the top level in a harmless way.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
