import type { Sharp } from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';
import type { PlaceholderKind } from './types.js';

/**
 * Makes a placeholder from an image pipeline (already rotated and in sRGB).
 *
 * - `thumbhash`: the image is shrunk to fit 100×100, RGBA, and encoded with
 *   `rgbaToThumbHash`; returned as standard base64 (about 25–35 characters).
 * - `lqip`: a WebP at most 20 px on its long edge, returned as a
 *   `data:image/webp;base64,…` URL (a few hundred bytes).
 * - `none`: `undefined`.
 *
 * @param image a sharp pipeline; it is consumed (pass a `clone()` to keep using yours)
 * @throws when sharp cannot decode the image
 */
export async function makePlaceholder(kind: PlaceholderKind, image: Sharp): Promise<string | undefined> {
  if (kind === 'none') return undefined;
  if (kind === 'thumbhash') {
    const { data, info } = await image
      .resize(100, 100, { fit: 'inside' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const hash = rgbaToThumbHash(info.width, info.height, data);
    return Buffer.from(hash).toString('base64');
  }
  const webp = await image.resize(20, 20, { fit: 'inside' }).webp({ quality: 50, alphaQuality: 50 }).toBuffer();
  return `data:image/webp;base64,${webp.toString('base64')}`;
}
