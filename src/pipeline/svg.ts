import sharp, { type Metadata } from 'sharp';
import type { OutputSet } from './atomic.js';
import { MediaError } from './errors.js';
import { outputBase, readInput, type MediaRecord, type RenderSettings } from './media.js';
import { makePlaceholder } from './placeholders.js';

/** Reads an SVG's size: viewBox width/height, else numeric width/height attributes. */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0];
  if (!root) return undefined;
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(root);
  const vb = attr('viewBox');
  if (vb) {
    const parts = (vb[2] ?? vb[3] ?? '').trim().split(/[\s,]+/).map(Number);
    if (parts.length === 4 && parts.every(Number.isFinite) && parts[2]! > 0 && parts[3]! > 0) {
      return { width: parts[2]!, height: parts[3]! };
    }
  }
  const num = (m: RegExpExecArray | null) => {
    const v = m ? /^\s*([\d.]+)\s*(px)?\s*$/.exec(m[2] ?? m[3] ?? '') : null;
    return v ? Number(v[1]) : NaN;
  };
  const w = num(attr('width'));
  const h = num(attr('height'));
  if (w > 0 && h > 0) return { width: w, height: h };
  return undefined;
}

/**
 * Copies an SVG unchanged to `media/<rel>` through `outs` (it scales itself), sized from
 * its viewBox (else its width/height attributes, else librsvg's reading), with a
 * placeholder rasterised by sharp.
 *
 * @throws MediaError for empty files, files that are not SVG, or SVG librsvg cannot parse;
 *   TransientError when the input cannot be read or the copy cannot be written
 */
export async function renderSvg(abs: string, rel: string, s: RenderSettings, outs: OutputSet): Promise<MediaRecord> {
  const data = await readInput(abs);
  const textSvg = data.toString('utf8');
  if (!/<svg[\s>]/i.test(textSvg)) throw new MediaError('not an SVG document (no <svg> element)');
  let meta: Metadata;
  try {
    meta = await sharp(data).metadata();
  } catch (err) {
    throw new MediaError(`invalid SVG: ${String((err as Error).message).split('\n')[0]}`);
  }
  const size = svgSize(textSvg) ?? (meta.width && meta.height ? { width: meta.width, height: meta.height } : undefined);
  const src = outputBase(rel);
  const placeholder = await makePlaceholder(s.placeholder, sharp(data).toColourspace('srgb')).catch(() => undefined);
  // Copy the bytes already read and checked, not the path again (it could have changed).
  await outs.write(src, data);
  const record: MediaRecord = { type: 'image', src, thumb: src, srcset: [], embedded: {}, outputs: [src] };
  if (size) {
    record.width = Math.round(size.width * 1000) / 1000;
    record.height = Math.round(size.height * 1000) / 1000;
  }
  if (placeholder) record.placeholder = placeholder;
  return record;
}
