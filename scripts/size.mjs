#!/usr/bin/env node
// Where the CDN bundle's bytes come from. Run `npm run build` first, then:
//
//   node scripts/size.mjs              bytes per source module
//   node scripts/size.mjs --members    bytes per class member / top-level declaration
//   node scripts/size.mjs --members --top 80 [path/to/bundle.js]
//
// Every character of the minified file is given to the source the source map names for it
// (dist/cdn/media-gallery.js.map). "min" adds those bytes up; "gzip" is what leaving them out
// saves: gzip -9 of the whole file minus gzip -9 of the file without them. gzip shares
// repeated text across modules, so the gzip column adds up to less than the file's gzip size.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const members = args.includes('--members');
const top = Number(args[args.indexOf('--top') + 1]) || (members ? 40 : 100);
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--top') ?? join(root, 'dist/cdn/media-gallery.js');

const code = readFileSync(file, 'utf8');
const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
const mapDir = dirname(file);

// Source map "mappings": per generated line, segments [column, source, line, column, (name)],
// each field a base64 VLQ delta.
const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));
function decode(mappings) {
  const lines = [];
  const state = [0, 0, 0, 0, 0];
  for (const line of mappings.split(';')) {
    const segs = [];
    state[0] = 0;
    for (const seg of line ? line.split(',') : []) {
      const out = [];
      let value = 0, shift = 0;
      for (const ch of seg) {
        const d = B64[ch];
        value += (d & 31) << shift;
        if (d & 32) { shift += 5; continue; }
        const n = value & 1 ? -(value >>> 1) : value >>> 1;
        state[out.length] += n;
        out.push(state[out.length]);
        value = shift = 0;
      }
      segs.push(out);
    }
    lines.push(segs);
  }
  return lines;
}

/** A source path as a group name: the package for node_modules, else the repo-relative path. */
function groupOf(source) {
  const abs = join(mapDir, map.sourceRoot ?? '', source);
  const nm = abs.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const [scopeOrName, name] = abs.slice(nm + 13).split('/');
    const pkg = scopeOrName.startsWith('@') ? `${scopeOrName}/${name}` : scopeOrName;
    return { key: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].includes(pkg) ? `lit: ${pkg}` : pkg, abs: null };
  }
  return { key: relative(root, abs), abs };
}

// Declarations of one TypeScript file, by [start, end) offset, for --members.
const declCache = new Map();
let ts;
async function declarations(abs) {
  if (declCache.has(abs)) return declCache.get(abs);
  ts ??= (await import('typescript')).default;
  const text = readFileSync(abs, 'utf8');
  const sf = ts.createSourceFile(abs, text, ts.ScriptTarget.Latest, true);
  const ranges = [];
  const nameOf = (n) => n.name?.getText(sf) ?? n.declarationList?.declarations?.[0]?.name?.getText(sf);
  for (const st of sf.statements) {
    if (ts.isClassDeclaration(st)) {
      for (const m of st.members) ranges.push([m.getStart(sf), m.end, `${st.name?.text ?? 'class'}.${nameOf(m) ?? 'constructor'}`]);
    } else {
      ranges.push([st.getStart(sf), st.end, nameOf(st) ?? ts.SyntaxKind[st.kind]]);
    }
  }
  const value = { ranges, lineStarts: sf.getLineStarts() };
  declCache.set(abs, value);
  return value;
}

const groups = map.sources.map(groupOf);
const lines = code.split('\n');
const decoded = decode(map.mappings);
const pieces = []; // [key, text] in file order
for (let li = 0; li < lines.length; li++) {
  const segs = decoded[li] ?? [];
  let col = 0;
  for (let i = 0; i <= segs.length; i++) {
    const start = i < segs.length ? segs[i][0] : lines[li].length;
    if (start > col) pieces.push([pieces.length && i > 0 ? pieces[pieces.length - 1][0] : '(unmapped)', lines[li].slice(col, start)]);
    if (i === segs.length) break;
    const seg = segs[i];
    const end = i + 1 < segs.length ? segs[i + 1][0] : lines[li].length;
    let key = '(unmapped)';
    if (seg.length >= 4) {
      const g = groups[seg[1]];
      key = g.key;
      if (members && g.abs && g.abs.endsWith('.ts')) {
        const d = await declarations(g.abs);
        const pos = (d.lineStarts[seg[2]] ?? 0) + seg[3];
        const r = d.ranges.find(([a, b]) => pos >= a && pos < b);
        key = `${g.key}  ${r ? r[2] : '(other)'}`;
      }
    }
    pieces.push([key, lines[li].slice(start, end)]);
    col = end;
  }
  if (li < lines.length - 1) pieces.push(['(unmapped)', '\n']);
}

const gz = (s) => gzipSync(s, { level: 9 }).length;
const totalGzip = gz(code);
const bytes = new Map();
for (const [key, text] of pieces) bytes.set(key, (bytes.get(key) ?? 0) + text.length);
const rows = [...bytes]
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)
  .map(([key, min]) => ({ key, min, gzip: totalGzip - gz(pieces.filter(([k]) => k !== key).map(([, t]) => t).join('')) }));

const brotli = brotliCompressSync(code, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: code.length } }).length;
console.log(`${relative(process.cwd(), file)}: ${Buffer.byteLength(code)} B minified, ${totalGzip} B gzip -9, ${brotli} B brotli\n`);
const width = Math.max(...rows.map((r) => r.key.length), 10);
console.log(`${'source'.padEnd(width)}  ${'min'.padStart(7)}  ${'%'.padStart(5)}  ${'gzip'.padStart(6)}`);
for (const r of rows) {
  console.log(`${r.key.padEnd(width)}  ${String(r.min).padStart(7)}  ${((100 * r.min) / code.length).toFixed(1).padStart(5)}  ${String(r.gzip).padStart(6)}`);
}
if (bytes.size > rows.length) console.log(`… ${bytes.size - rows.length} more (--top N)`);
const isLit = (key) => key.startsWith('lit: ');
const litMin = pieces.filter(([k]) => isLit(k)).reduce((n, [, t]) => n + t.length, 0);
const litGzip = totalGzip - gz(pieces.filter(([k]) => !isLit(k)).map(([, t]) => t).join(''));
console.log(`\nLit, all four packages together: ${litMin} B minified, ${litGzip} B gzip`);
