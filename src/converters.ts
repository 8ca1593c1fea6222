/** Attribute converters shared by the elements (Gradio-style booleans and indices). */

/** Boolean attribute that is on when present, except `"false"`. */
export const boolOn = { fromAttribute: (v: string | null) => v !== null && v !== 'false' };

/** Boolean attribute that is on by default: only `"false"` turns it off. */
export const boolDefaultOn = { fromAttribute: (v: string | null) => v !== 'false' };

/** An index attribute: an integer, or `null` for absent, empty, `"null"` or anything not a number. */
export const indexOrNull = {
  fromAttribute: (v: string | null) => (v === null || v === '' || v === 'null' || Number.isNaN(Number(v)) ? null : Number(v)),
  toAttribute: (v: number | null) => (v == null ? null : String(v)),
};
