import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { copyFile, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { writeFileAtomic } from './atomic.js';

/** Options of {@link serve}. */
export interface ServeOptions {
  /** Folder written by `prepare` (holds `gallery.json`). */
  dir: string;
  /** TCP port; 0 picks a free one. Default 8123. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1` (this machine only). */
  host?: string;
  /**
   * Path of the self-registering CDN bundle to copy as `media-gallery.js`. Default: the
   * package's `dist/cdn/media-gallery.js`, found relative to this module.
   */
  bundle?: string;
}

/** A running server. */
export interface ServeHandle {
  /** `http://host:port/` */
  url: string;
  server: Server;
  /** False when no built CDN bundle was found (the page then cannot render the gallery). */
  bundleFound: boolean;
  /** Stops listening. */
  close(): Promise<void>;
}

/** Marker that identifies an index.html written by this tool (others are never overwritten). */
const MARKER = '<meta name="generator" content="media-gallery">';

/**
 * The generated page: loads the CDN bundle and points `<media-gallery>` at `gallery.json`.
 * Contains no file names or captions: all user data stays in the JSON, rendered as text.
 */
export const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${MARKER}
<title>Gallery</title>
<script type="module" src="media-gallery.js"></script>
<style>
  html { color-scheme: light dark; }
  body { margin: 0; padding: 16px; font-family: system-ui, sans-serif; }
</style>
</head>
<body>
<media-gallery src="gallery.json" columns='{"xs":2,"md":4}' label="Gallery"></media-gallery>
</body>
</html>
`;

/** Candidate locations of the built CDN bundle, relative to this module (dist or source). */
export function defaultBundlePath(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(here, '../../cdn/media-gallery.js'), // dist/src/pipeline -> dist/cdn
    path.resolve(here, '../../dist/cdn/media-gallery.js'), // src/pipeline (tsx) -> dist/cdn
  ];
  return candidates.find((p) => existsSync(p));
}

/**
 * Writes `index.html` (unless the folder has one that this tool did not write) and
 * copies the CDN bundle as `media-gallery.js` into `dir`.
 *
 * @returns whether the bundle was found and copied
 * @throws when `dir` cannot be written
 */
export async function writePage(dir: string, bundle = defaultBundlePath()): Promise<boolean> {
  const index = path.join(dir, 'index.html');
  let ours = true;
  try {
    ours = (await readFile(index, 'utf8')).includes(MARKER);
  } catch {
    ours = true; // absent
  }
  if (ours) await writeFileAtomic(index, INDEX_HTML);
  if (!bundle || !existsSync(bundle)) return false;
  await copyFile(bundle, path.join(dir, 'media-gallery.js'));
  return true;
}

/**
 * Serves a prepared folder over HTTP with sirv: writes the page (see {@link writePage})
 * and listens on `host:port`.
 *
 * @throws when `dir` is not a folder, or listening fails (e.g. `EADDRINUSE`)
 */
export async function serve(options: ServeOptions): Promise<ServeHandle> {
  const dir = path.resolve(options.dir);
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new Error(`folder not found: ${options.dir}`);
  const bundleFound = await writePage(dir, options.bundle ?? defaultBundlePath());
  const host = options.host ?? '127.0.0.1';
  const handler = sirv(dir, { dev: true, etag: true, dotfiles: false });
  const server = createServer((req, res) => {
    // sirv decodes paths with decodeURI, which leaves %26 (&), %23 (#), %3F (?) and other
    // reserved characters encoded, so such file names would 404. Decode each segment
    // fully here and hand sirv a path whose only escapes are %25 for literal '%'.
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const encoded = q === -1 ? raw : raw.slice(0, q);
    let pathname: string;
    try {
      const segments = encoded.split('/').map((seg) => decodeURIComponent(seg));
      if (segments.some((seg) => seg.includes('/') || seg.includes('\\') || seg.includes('\0'))) throw new Error('bad segment');
      pathname = segments.join('/').replace(/%/g, '%25');
    } catch {
      res.statusCode = 400;
      res.end('Bad request');
      return;
    }
    if (/(^|\/)\./.test(pathname)) {
      // Dot-files (the cache, temporary files) are never served; sirv's dev mode would.
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    (req as typeof req & { _parsedUrl: unknown })._parsedUrl = { pathname, search: q === -1 ? '' : raw.slice(q), query: undefined, hash: undefined, raw };
    handler(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('Not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8123, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : options.port ?? 8123;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    server,
    bundleFound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
