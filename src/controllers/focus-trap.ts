import type { ReactiveController, ReactiveControllerHost } from 'lit';

const CANDIDATES = 'button, [tabindex], a[href], input, select, textarea, video[controls], audio[controls]';

/** The elements of `root` that Tab visits, in tree order: enabled, rendered, not inert, tabindex ≥ 0. */
export function tabbables(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(CANDIDATES)].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.closest('[inert]') && el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility !== 'hidden',
  );
}

/**
 * Tab and Shift+Tab cycle inside the open modal, both ways, in every engine. A modal `<dialog>`
 * alone lets Tab leave for the browser's own UI (Firefox also visits the document between the
 * strip and the toolbar), so the keys are handled here: from the last tab stop to the first,
 * from the first to the last. Listens on the host (keys from its shadow tree reach it).
 */
export class FocusTrapController implements ReactiveController {
  constructor(private host: ReactiveControllerHost & HTMLElement, private container: () => HTMLElement | null) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this._onKey);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this._onKey);
  }

  private _onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const root = this.container();
    if (!root) return;
    const list = tabbables(root);
    if (!list.length) return;
    const active = this.host.shadowRoot?.activeElement as HTMLElement | null;
    const i = active ? list.indexOf(active) : -1;
    const to = e.shiftKey ? (i <= 0 ? list.length - 1 : i - 1) : i < 0 || i === list.length - 1 ? 0 : i + 1;
    e.preventDefault();
    list[to].focus();
  };
}
