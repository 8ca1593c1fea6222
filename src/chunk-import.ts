/** The first wait after a failed load, in ms; each further failure doubles it up to `MAX_WAIT_MS`. */
const FIRST_WAIT_MS = 1000;
const MAX_WAIT_MS = 60_000;

/** A chunk's import that can be tried again after it failed (see {@link retryable}). */
export interface ChunkImport<M> {
  /** What the chunk gives, loaded once; after a failure, a new attempt once the back-off has ended, or at once with `force`. */
  (force?: boolean): Promise<M>;
  /** When the back-off after the last failure ends (`Date.now()` ms); 0 when none failed. */
  readonly retryAt: number;
}

/**
 * Wraps a dynamic `import()` of one of the gallery's chunks (a file beside the CDN entry; a
 * bundler splits it likewise) so that a load the network failed can be tried again.
 *
 * A failure is reported on the console, naming the chunk's URL when the browser's error gives it. Firefox keeps a failed module fetch in its module map
 * for the page's life (ESR 140: the same URL's next import fails at once, without a request, and
 * so does any module that imports it; Chromium 156 fetches it again), so a retry imports the URL
 * the browser's error names with `?retry=n` added: the chunk's own imports resolve as before, so
 * it shares the modules already loaded, and it has the same exports as the namespace `load`
 * gives (a chunk that only the entry imports keeps its export names; test/node/cdn.test.ts
 * checks the CDN's). When the error names no URL (Safari; a bundler's own loader, such as
 * webpack's, which retries by itself) the retry is the same import again. Retries wait 1 s after the first failure, then 2, 4 … up to 60 s; calls in
 * between return the failed attempt without a request. With `auto`, each retry is made when its
 * wait ends, until one succeeds (for a chunk the page will want in any case).
 *
 * @param load the `import()` (a literal path, so bundlers split it); its module namespace goes to `get`.
 * @param get what the host needs from the chunk's module namespace `mod` (nothing there fails the
 *   attempt); none for a chunk that registers an element.
 * @param onLoad called with that when an attempt succeeds (the first call's or a retry's).
 */
export function retryable<M = void>(load: () => Promise<unknown>, get?: (mod: any) => M | undefined, auto = false, onLoad?: (m: M) => void): ChunkImport<M> {
  const give = (mod: unknown): M => {
    const m = get?.(mod);
    if (get && m == null) throw new Error('media-gallery: a chunk loaded without the exports the gallery needs (a bundler renamed them?)');
    return m as M;
  };
  let attempt: Promise<M> | undefined, busy = false, ok = false, url = '', tries = 0, wait = 0, retryAt = 0, timer: ReturnType<typeof setTimeout> | undefined;
  const call = (force = false): Promise<M> => {
    if (attempt && (ok || busy || (!force && Date.now() < retryAt))) return attempt;
    const sep = url.includes('?') ? '&' : '?';
    busy = true;
    // What the chunk gives missing counts as a failed attempt too.
    attempt = (url ? import(/* @vite-ignore */ /* webpackIgnore: true */ `${url}${sep}retry=${++tries}`) : load()).then(give).then(
      (m) => {
        ok = true;
        busy = false;
        retryAt = 0;
        onLoad?.(m);
        return m;
      },
      (err: unknown) => {
        busy = false;
        url ||= /dynamically imported module: (\S+)/.exec(String((err as Error | undefined)?.message))?.[1] ?? '';
        wait = Math.min(wait ? wait * 2 : FIRST_WAIT_MS, MAX_WAIT_MS);
        retryAt = Date.now() + wait;
        console.error(`media-gallery: ${url ? `the chunk ${url}` : 'a chunk'} could not be loaded; trying again in ${wait / 1000} s`, err);
        // Forced: a timer may fire a little before Date.now() reaches retryAt.
        if (auto) clearTimeout(timer), (timer = setTimeout(() => void call(true), wait));
        throw err;
      },
    );
    attempt.catch(() => {}); // a caller that does not wait (`void load()`) leaves no unhandled rejection
    return attempt;
  };
  return Object.defineProperty(call, 'retryAt', { get: () => retryAt }) as ChunkImport<M>;
}
