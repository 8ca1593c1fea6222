// @custom-elements-manifest/analyzer (`cem analyze`, run by `npm run build` and `npm run analyze`).
//
// The classes in src/ carry the JSDoc (@summary, @fires, @csspart, @cssprop, @slot); the tags
// are registered in elements/<tag>.ts through src/define.ts's `define('tag', Class)` helper,
// which the analyzer does not recognise as `customElements.define`. The plugin below reads
// those registrations and adds each class's `tagName` and a `custom-element-definition`
// export, so tools (IDEs, @lit/react wrappers, Storybook) know which tag is which class.
import { readFileSync, readdirSync, existsSync } from 'node:fs';

const ELEMENTS_DIR = 'elements';

/** `[{tag, className, classModule, file}]` from elements/*.ts. */
function readRegistrations() {
  if (!existsSync(ELEMENTS_DIR)) return [];
  const found = [];
  for (const name of readdirSync(ELEMENTS_DIR).filter((f) => f.endsWith('.ts')).sort()) {
    const file = `${ELEMENTS_DIR}/${name}`;
    const text = readFileSync(file, 'utf8');
    const imports = new Map();
    for (const m of text.matchAll(/import\s*\{([^}]+)\}\s*from\s*['"]([^'"]+)['"]/g)) {
      for (const spec of m[1].split(',')) {
        const local = spec.trim().split(/\s+as\s+/).pop();
        if (local) imports.set(local, m[2]);
      }
    }
    for (const m of text.matchAll(/\bdefine\(\s*['"]([a-z][\w-]*-[\w-]*)['"]\s*,\s*([A-Za-z_$][\w$]*)\s*\)/g)) {
      const [, tag, className] = m;
      const from = imports.get(className);
      if (!from) continue;
      // '../src/media-gallery.js' -> 'src/media-gallery.ts'
      const classModule = from.replace(/^\.\.\//, '').replace(/\.js$/, '.ts');
      found.push({ tag, className, classModule, file });
    }
  }
  return found;
}

function defineHelperPlugin() {
  return {
    name: 'media-gallery-define-helper',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      for (const { tag, className, classModule, file } of readRegistrations()) {
        const mod = modules.find((m) => m.path === classModule);
        const decl = mod?.declarations?.find((d) => d.name === className);
        if (!decl) continue;
        decl.tagName = tag;
        decl.customElement = true;
        let regModule = modules.find((m) => m.path === file);
        if (!regModule) {
          regModule = { kind: 'javascript-module', path: file, declarations: [], exports: [] };
          modules.push(regModule);
        }
        regModule.exports ??= [];
        regModule.exports.push({
          kind: 'custom-element-definition',
          name: tag,
          declaration: { name: className, module: classModule },
        });
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/pipeline/**'],
  outdir: '.',
  litelement: true,
  plugins: [defineHelperPlugin()],
};
