/**
 * Registers a custom element once. A no-op where there is no `customElements` registry
 * (Node without a DOM), and when the tag is already taken (two copies of the bundle on a page).
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const registry = (globalThis as { customElements?: CustomElementRegistry }).customElements;
  if (registry && !registry.get(tag)) registry.define(tag, ctor);
}
