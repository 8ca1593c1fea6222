/**
 * `styleProps({...})`: sets CSS properties on an element through CSSOM
 * (`element.style.setProperty`), never through the `style` attribute, so geometry still
 * applies under a Content-Security-Policy without `style-src 'unsafe-inline'` (Lit's
 * `styleMap` writes the attribute on first render). Properties dropped between renders are
 * removed. Values are strings as CSS takes them (`'120px'`, `'translate(4px,8px)'`).
 */
import { isServer, noChange, nothing } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

export type StyleProps = Readonly<Record<string, string | null | undefined>>;

/** @internal Exported to be extended by directives that also set CSS properties (`tileEl`). */
export class StylePropsDirective extends Directive {
  private _last = new Map<string, string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('styleProps() goes on an element, not in an attribute');
  }

  render(_props: StyleProps): unknown {
    return noChange;
  }

  override update(part: ElementPart, [props]: [StyleProps, ...unknown[]]): unknown {
    const style = (part.element as HTMLElement).style;
    const next = new Map<string, string>();
    for (const k in props) {
      const v = props[k];
      if (v == null || v === '') continue;
      next.set(k, v);
      if (this._last.get(k) !== v) style.setProperty(k, v);
    }
    for (const k of this._last.keys()) if (!next.has(k)) style.removeProperty(k);
    this._last = next;
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);

/**
 * The same declarations as a `style` attribute value, in server-rendered HTML only (@lit-labs/ssr
 * does not run element directives such as `styleProps`); `nothing` in a browser. Bind it beside
 * `styleProps`: `style=${serverStyle(p)} ${styleProps(p)}`. A hydrating client keeps the
 * attribute and writes its own values through CSSOM over it.
 */
export const serverStyle = (props: StyleProps): string | typeof nothing =>
  isServer ? Object.entries(props).filter(([, v]) => v != null && v !== '').map(([k, v]) => `${k}:${v}`).join(';') : nothing;
