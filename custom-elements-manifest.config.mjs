// @custom-elements-manifest/analyzer (`cem analyze`, run by `npm run build` and `npm run analyze`).
//
// The classes in src/ carry the JSDoc (@summary, @fires, @csspart, @cssprop, @slot); the tags
// are registered in elements/<tag>.ts through src/define.ts's `define('tag', Class)` helper,
// which the analyzer does not recognise as `customElements.define`. The plugin below reads
// those registrations and adds each class's `tagName` and a `custom-element-definition`
// export, so tools (IDEs, @lit/react wrappers, Storybook) know which tag is which class.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { posix } from 'node:path';

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

/**
 * Module paths as shipped: the analyzer reads `src/x.ts` and `elements/x.ts`, the package
 * ships `dist/src/x.js` and `dist/elements/x.js`. Tools (IDEs, wrapper generators) resolve
 * declarations through these paths, so they must name files that exist in the package.
 */
function shippedPathsPlugin() {
  const ship = (p) => (typeof p === 'string' && /^(src|elements)\/.*\.[jt]s$/.test(p) ? `dist/${p.replace(/\.ts$/, '.js')}` : p);
  // A re-export names its module relative to the re-exporting file (`./media-gallery.js`).
  const resolve = (from, p) => (/^\.\.?\//.test(p) ? posix.normalize(posix.join(posix.dirname(from), p)) : p);
  const walk = (node, from) => {
    if (Array.isArray(node)) return node.forEach((x) => walk(x, from));
    if (!node || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      if ((key === 'path' || key === 'module') && typeof node[key] === 'string') node[key] = ship(resolve(from, node[key]));
      else walk(node[key], from);
    }
  };
  return {
    name: 'media-gallery-shipped-paths',
    // After the define() plugin, which matches modules by their source paths.
    packageLinkPhase({ customElementsManifest }) {
      for (const m of customElementsManifest.modules) walk(m, m.path);
    },
  };
}

/**
 * Members documented `@internal` stay out of the manifest, and so out of every wrapper or
 * editor data generated from it. The analyzer drops a `declare`d field with the tag, but adds
 * it back from the constructor's assignment or the `static properties` entry: this removes
 * the member and its attribute by name, per class.
 */
function internalMembersPlugin() {
  const internal = new Map(); // class name -> Set of member names
  const tagged = (ts, node) => (ts.getJSDocTags?.(node) ?? []).some((t) => t.tagName.getText() === 'internal');
  return {
    name: 'media-gallery-internal-members',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const names = new Set();
      for (const m of node.members) if (m.name && tagged(ts, m)) names.add(m.name.getText());
      if (names.size) internal.set(node.name.getText(), names);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          const names = internal.get(d.name);
          if (!names) continue;
          d.members = d.members?.filter((m) => !names.has(m.name));
          d.attributes = d.attributes?.filter((a) => !names.has(a.fieldName ?? a.name));
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/pipeline/**'],
  outdir: '.',
  litelement: true,
  plugins: [defineHelperPlugin(), internalMembersPlugin(), shippedPathsPlugin()],
};
