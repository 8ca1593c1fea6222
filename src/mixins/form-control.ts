import type { LitElement, ReactiveController } from 'lit';
import { defaultLabels, type GalleryLabels } from '../model/labels.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T = object> = new (...args: any[]) => T;

/** What the validity is computed from: the element's own attributes and items. */
interface ValidityInputs {
  readonly required: boolean;
  readonly maxFiles: number;
  readonly items: readonly unknown[];
  readonly labels: Partial<GalleryLabels> | null;
}

/** The standard form-control API, as `<input>` and Shoelace or Material form controls have it. */
export declare class FormControlElement {
  /** The `<form>` the element belongs to, or `null`. */
  readonly form: HTMLFormElement | null;
  /** The validity state: `valueMissing` (`required`, no item), `rangeOverflow` (more than `max-files`), `customError` (a custom message, or uploads still running). */
  readonly validity: ValidityState;
  /** The message the browser would show, or `''` when valid. */
  readonly validationMessage: string;
  /** Whether the element takes part in constraint validation (not when disabled). */
  readonly willValidate: boolean;
  /** Whether the element is valid; fires `invalid` when not (and shows nothing). */
  checkValidity(): boolean;
  /** As `checkValidity()`, and the message shows: the browser's bubble (at the drop zone in upload mode) and the text under the drop zone. */
  reportValidity(): boolean;
  /** Sets a custom validation message (`''` clears it): the element is invalid (`customError`) while it is set. */
  setCustomValidity(message: string): void;
  /** @internal The element's `ElementInternals` (attached once, here), for upload mode's form controller. */
  readonly formInternals: ElementInternals | null;
  /** @internal The user tried to submit while invalid (an `invalid` event): the message shows. */
  formTouched: boolean;
  /** @internal Uploads still running (upload mode sets it once loaded): the element is invalid meanwhile. */
  formPending: () => number;
  /** @internal Writes the validity now (it is also written after every update). */
  syncValidity(): void;
}

const VALID = { valid: true } as ValidityState;

/**
 * Makes a LitElement a form-associated custom element with the standard API
 * (`form`, `validity`, `validationMessage`, `willValidate`, `checkValidity()`,
 * `reportValidity()`, `setCustomValidity()`). It attaches `ElementInternals` once; upload mode
 * (a lazily loaded chunk) reads them through `formInternals` to write the form's value.
 *
 * Validity is computed here, eagerly, from `required`, `max-files`, `items` and `labels`, so it
 * is right before upload mode has loaded (or when it never loads): it is written after every
 * update, and the methods above write it first, so they reflect a change made a moment ago.
 */
export const FormControlMixin = <T extends Constructor<LitElement>>(Base: T) => {
  class FormControl extends Base {
    /** A form-associated custom element: it takes part in forms as a field. */
    static formAssociated = true;
    private _internals: ElementInternals | null;
    private _custom = '';
    private _quiet = false;
    /** @internal The user tried to submit while invalid (an `invalid` event): the message shows. */
    formTouched = false;
    /** @internal Uploads still running (upload mode sets it once loaded). */
    formPending: () => number = () => 0;

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    constructor(...args: any[]) {
      super(...args);
      this._internals = typeof this.attachInternals === 'function' ? this.attachInternals() : null;
      this.addEventListener('invalid', () => {
        if (this._quiet) return;
        this.formTouched = true;
        this.requestUpdate();
      });
      this.addController({ hostUpdated: () => this.syncValidity() } as ReactiveController);
    }

    /** @internal The `ElementInternals`, attached once, for upload mode's form controller. */
    get formInternals() { return this._internals; }
    /** The `<form>` the element belongs to, or `null`. */
    get form() { return this._internals?.form ?? null; }
    /** Whether the element takes part in constraint validation (not when disabled). */
    get willValidate() { return this._internals?.willValidate ?? false; }

    /** The validity state: `valueMissing` (`required`, no item), `rangeOverflow` (more than `max-files`), `customError` (a custom message, or uploads still running). */
    get validity() {
      this.syncValidity();
      return this._internals?.validity ?? VALID;
    }

    /** The message the browser would show, or `''` when valid. */
    get validationMessage() {
      this.syncValidity();
      return this._internals?.validationMessage ?? '';
    }

    /** Whether the element is valid; fires `invalid` when not (and shows nothing). */
    checkValidity() {
      this.syncValidity();
      // A check by the page shows nothing (as on <input>); a submit attempt or reportValidity() does.
      this._quiet = true;
      try {
        return this._internals?.checkValidity() ?? true;
      } finally {
        this._quiet = false;
      }
    }

    /** As `checkValidity()`, and the message shows: the browser's bubble (at the drop zone in upload mode) and the text under the drop zone. */
    reportValidity() {
      this.syncValidity();
      return this._internals?.reportValidity() ?? true;
    }

    /** Sets a custom validation message (`''` clears it): the element is invalid (`customError`) while it is set. */
    setCustomValidity(message: string) {
      this._custom = message == null ? '' : String(message);
      this.syncValidity();
      this.requestUpdate();
    }

    /** @internal Writes the validity now (it is also written after every update). */
    syncValidity() {
      const i = this._internals;
      if (!i) return;
      const h = this as unknown as ValidityInputs, l = { ...defaultLabels, ...h.labels };
      // The count only when a constraint needs it: reading `items` normalises all of a long list.
      const max = h.maxFiles, n = h.required || max > 0 ? h.items.length : 0, pending = this.formPending();
      const valueMissing = !!h.required && !n, rangeOverflow = max > 0 && n > max, customError = !!this._custom || pending > 0;
      const message = this._custom || (valueMissing ? l.requiredError : rangeOverflow ? l.tooManyError.replace('{max}', String(max)) : pending ? l.uploadingError : '');
      // In upload mode the browser's bubble points at the drop zone's button.
      const anchor = this.renderRoot?.querySelector?.<HTMLElement>('.browse') ?? undefined;
      i.setValidity({ valueMissing, rangeOverflow, customError }, message, anchor);
    }
  }
  return FormControl as unknown as Constructor<FormControlElement> & T;
};
