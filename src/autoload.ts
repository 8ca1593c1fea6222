/**
 * The CDN entry's autoloader: a tag whose element is a chunk of its own is loaded when the
 * document first holds one that is not defined yet, at once if it already does, or when one is
 * added later. One MutationObserver on the document, looking for those tag names in added
 * subtrees only; it stops once every tag is loaded. It does not see inside shadow roots: an
 * element the page renders in a shadow root of its own needs the tag's `load…()` (or
 * `customElements.whenDefined()` after one was seen in the document).
 */
export function autoload(loaders: Record<string, () => Promise<unknown>>): void {
  const registry = (globalThis as { customElements?: CustomElementRegistry }).customElements;
  if (!registry || typeof document === 'undefined' || typeof MutationObserver !== 'function') return;
  const left = new Map(Object.entries(loaders));
  const scan = (root: Element | Document) => {
    for (const [tag, load] of left) {
      if (registry.get(tag)) left.delete(tag);
      else if ((root as Element).localName === tag || root.querySelector(tag)) {
        left.delete(tag);
        void load();
      }
    }
    if (!left.size) mo.disconnect();
  };
  const mo = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (left.size && n.nodeType === 1) scan(n as Element);
  });
  mo.observe(document, { childList: true, subtree: true });
  scan(document);
}
