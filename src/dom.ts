/** Small DOM helpers shared by the elements. */

/**
 * Whether `el` is laid out right-to-left (`:dir(rtl)`, else its computed direction). Not for
 * hot paths. On the server (@lit-labs/ssr's DOM shim: no `matches`, no `getComputedStyle`) only
 * the element's own `dir` attribute is known.
 */
export function isRtl(el: Element): boolean {
  try {
    return el.matches(':dir(rtl)');
  } catch {
    if (typeof getComputedStyle !== 'function') return el.getAttribute?.('dir') === 'rtl';
    return getComputedStyle(el).direction === 'rtl';
  }
}
