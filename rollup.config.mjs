// Rollup: the CDN bundle, dist/cdn/media-gallery.js (+ .map).
//
// One minified, self-registering ES module with Lit inside, built from src/cdn.ts. esbuild
// strips the TypeScript (the same transform the tests use); node-resolve picks Lit's
// production build (no `development` export condition), so its dev-mode warnings are gone;
// terser minifies. The npm entry (ES modules, Lit external, .d.ts) is `tsc -p
// tsconfig.build.json`, run by scripts/build.mjs before this.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { transform } from 'esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

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
  output: {
    file: 'dist/cdn/media-gallery.js',
    format: 'es',
    sourcemap: true,
    banner: '/*! media-gallery | MIT | bundles Lit (BSD-3-Clause, Google LLC) */',
  },
  plugins: [
    typescript(),
    // Collapses the whitespace of html`` and css`` templates (lightningcss, html-minifier-next).
    minifyTemplateLiterals(),
    nodeResolve({
      browser: true,
      exportConditions: ['browser', 'production'],
      extensions: ['.mjs', '.js', '.ts'],
    }),
    terser({
      module: true,
      ecma: 2021,
      compress: { passes: 2 },
      format: { comments: /^!/ },
    }),
  ],
  onwarn(warning, warn) {
    // Lit's compiled modules use `this` at the top level in a harmless way.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
