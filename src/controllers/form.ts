import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GalleryItem } from '../model/items.js';
import type { GalleryStore } from '../model/store.js';
import type { ObjectUrlRegistry } from '../model/object-urls.js';

/** The host's form-facing state (its `name`, `disabled`, `required`, `max-files` attributes). */
export interface FormHost extends ReactiveControllerHost, HTMLElement {
  readonly name: string;
  readonly disabled: boolean;
  readonly required: boolean;
  readonly maxFiles: number;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The host's `ElementInternals`, attached once by its form-control mixin (src/mixins/form-control.ts). */
  readonly formInternals: ElementInternals | null;
  /** Set on an `invalid` event (a submit attempt): the message shows. */
  formTouched: boolean;
  /** The mixin's validity counts these as pending (`customError`). */
  formPending: () => number;
  requestUpdate(name?: PropertyKey): void;
}

export interface FormPort {
  /** Puts items back without events: the page's (a reset) or the user's (a restore). */
  setItems(items: GalleryItem[], user: boolean): void;
  /** Uploads still running: the form waits for them. */
  pending(): number;
}

/**
 * The gallery as a form control, on the `ElementInternals` the host's mixin attached. Its value,
 * in gallery order under `name`: each uploaded `File` (an item whose `src` is the blob URL of an
 * upload) and, for every other item (the page's own, or an upload the server stored), its URL as
 * a string. Validity is the mixin's (computed before this chunk loads); this controller tells it
 * the uploads still running (`customError`). `form.reset()` puts back the items the page last
 * set; a back/forward restore puts back the files and URLs the form had.
 */
export class FormController implements ReactiveController {
  /** Disabled by an ancestor `<fieldset disabled>` or the `disabled` attribute, as the browser says. */
  formDisabled = false;
  private _defaults: readonly GalleryItem[] = [];
  private _key = '';

  constructor(private host: FormHost, private store: GalleryStore, private urls: ObjectUrlRegistry, private port: FormPort) {
    host.addController(this);
    host.formPending = () => this.port.pending();
  }

  get internals(): ElementInternals | null {
    return this.host.formInternals;
  }

  /** The user tried to submit an invalid form: the message shows. */
  get touched(): boolean {
    return this.host.formTouched;
  }

  set touched(v: boolean) {
    this.host.formTouched = v;
  }

  /** The items the page set: what `form.reset()` restores. */
  defaults(items: readonly GalleryItem[]): void {
    this._defaults = items;
  }

  /** Whether the control is disabled (attribute or fieldset). */
  get disabled(): boolean {
    return this.host.disabled || this.formDisabled;
  }

  /** The message the browser would show, or '' when valid. */
  get message(): string {
    return this.internals?.validationMessage ?? '';
  }

  /** Writes the value when anything it depends on changed (the mixin writes the validity). */
  hostUpdated(): void {
    const h = this.host, i = this.internals;
    if (!i) return;
    const key = `${this.store.version}|${h.name}`;
    if (key === this._key) return;
    this._key = key;
    const data = new FormData();
    if (h.name) for (const it of this.store.items) {
      const file = this.urls.file(it.src);
      if (file) data.append(h.name, file, file.name);
      else data.append(h.name, it.src);
    }
    i.setFormValue(data, data);
  }

  /** `formResetCallback`: the page's items again, no events. */
  reset(): void {
    this.touched = false;
    this.port.setItems([...this._defaults], false);
  }

  /** `formStateRestoreCallback`: the files and URLs the form had (back/forward, autofill). */
  restore(state: unknown): void {
    if (!(state instanceof FormData) || !this.host.name) return;
    const items = state.getAll(this.host.name).map((v): GalleryItem => (typeof v === 'string' ? { src: v } : {
      src: this.urls.create(v), type: v.type.startsWith('video/') ? 'video' : 'image', caption: v.name, download: v.name,
    }));
    this.port.setItems(items, true);
  }
}
