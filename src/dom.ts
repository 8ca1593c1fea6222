/** Small DOM helpers shared by the elements. */

/** Whether `el` is laid out right-to-left (`:dir(rtl)`, else its computed direction). Not for hot paths. */
export function isRtl(el: Element): boolean {
  try {
    return el.matches(':dir(rtl)');
  } catch {
    return getComputedStyle(el).direction === 'rtl';
  }
}
