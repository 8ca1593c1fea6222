// Editor data generated from custom-elements.json (run by `npm run build` after cem):
//   web-types.json                  JetBrains IDEs (package.json `web-types`)
//   vscode.html-custom-data.json    VS Code (`"html.customData": ["./node_modules/media-gallery/vscode.html-custom-data.json"]`)
// Each lists every element with its attributes (enumerated values where the type is a union
// of string literals, directly or through an exported alias in src/), properties, events with
// their detail types, slots, CSS parts and custom properties.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `export type Name = 'a' | 'b';` aliases in the sources, name -> type text. */
export function readAliases(dir) {
  const aliases = {};
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        for (const m of readFileSync(p, 'utf8').matchAll(/export type (\w+)\s*=\s*([^;{]+);/g)) aliases[m[1]] = m[2].replace(/\s+/g, ' ').trim();
      }
    }
  };
  walk(dir);
  return aliases;
}

/** `['a', 'b']` when `type` (or the alias it names) is a union of string literals, else null. */
function literalValues(type, aliases) {
  let text = type?.trim();
  if (!text) return null;
  if (aliases[text]) text = aliases[text];
  const parts = text.split('|').map((s) => s.trim()).filter((s) => s !== 'null' && s !== 'undefined');
  if (!parts.length || !parts.every((s) => /^(['"]).*\1$/.test(s))) return null;
  return parts.map((s) => s.slice(1, -1));
}

const isBoolean = (type) => /^boolean(\s*\|\s*undefined)?$/.test(type?.trim() ?? '');
const clean = (s) => (s ?? '').trim();

/** The custom elements of a manifest, with the module path they are declared in. */
export function elementsOf(manifest) {
  return manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, module: m.path })));
}

function describe(d) {
  return [clean(d.summary), clean(d.description)].filter(Boolean).join('\n\n');
}

export function webTypes(manifest, pkg, aliases = {}) {
  const elements = elementsOf(manifest).map((d) => {
    const properties = (d.members ?? []).filter((m) => m.kind === 'field' && (m.privacy ?? 'public') === 'public' && !m.static);
    const events = (d.events ?? []).filter((e) => e.name).map((e) => ({ name: e.name, description: clean(e.description), ...(e.type?.text ? { type: e.type.text } : {}) }));
    return {
      name: d.tagName,
      description: describe(d),
      source: { module: `${pkg.name}/${d.module}`, symbol: d.name },
      attributes: (d.attributes ?? []).map((a) => {
        const values = literalValues(a.type?.text, aliases);
        return {
          name: a.name,
          description: clean(a.description),
          ...(a.default !== undefined ? { default: a.default } : {}),
          value: isBoolean(a.type?.text) ? { kind: 'no-value', type: 'boolean' } : { kind: 'plain', type: a.type?.text ?? 'string' },
          ...(values ? { values: values.map((name) => ({ name })) } : {}),
        };
      }),
      events,
      slots: (d.slots ?? []).map((s) => ({ name: s.name, description: clean(s.description) })),
      js: {
        properties: properties.map((m) => ({ name: m.name, description: clean(m.description), ...(m.type?.text ? { type: m.type.text } : {}) })),
        events,
      },
      css: {
        parts: (d.cssParts ?? []).map((p) => ({ name: p.name, description: clean(p.description) })),
        properties: (d.cssProperties ?? []).map((p) => ({ name: p.name, description: clean(p.description) })),
      },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: { html: { elements } },
  };
}

export function vscodeCustomData(manifest, aliases = {}) {
  const tags = elementsOf(manifest).map((d) => {
    const lists = [];
    if (d.events?.length) lists.push(`**Events:** ${d.events.map((e) => `\`${e.name}\`${e.type?.text ? ` (${e.type.text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))})` : ''}`).join(', ')}`);
    if (d.slots?.length) lists.push(`**Slots:** ${d.slots.map((s) => (s.name ? `\`${s.name}\`` : 'default')).join(', ')}`);
    if (d.cssParts?.length) lists.push(`**CSS parts:** ${d.cssParts.map((p) => `\`${p.name}\``).join(', ')}`);
    if (d.cssProperties?.length) lists.push(`**CSS properties:** ${d.cssProperties.map((p) => `\`${p.name}\``).join(', ')}`);
    return {
      name: d.tagName,
      description: { kind: 'markdown', value: [describe(d), ...lists].filter(Boolean).join('\n\n') },
      attributes: (d.attributes ?? []).map((a) => {
        const values = literalValues(a.type?.text, aliases);
        return {
          name: a.name,
          description: { kind: 'markdown', value: [clean(a.description), a.type?.text ? `Type: \`${a.type.text}\`` : ''].filter(Boolean).join('\n\n') },
          ...(isBoolean(a.type?.text) ? { valueSet: 'v' } : {}),
          ...(values ? { values: values.map((name) => ({ name })) } : {}),
        };
      }),
    };
  });
  return { $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json', version: 1.1, tags };
}
