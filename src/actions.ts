/** Download and share of one item, used by the preview's toolbar. */
import { downloadName, type GalleryItem } from './model/items.js';
import { allowedUrl } from './model/urls.js';

/**
 * Saves the item under its `download` name: fetches it as a blob and clicks a temporary
 * `<a download>`. When the fetch cannot be made at all (a cross-origin URL without CORS),
 * opens the URL in a new tab instead, where the user can save it. A URL the policy refuses
 * (`javascript:` and the like, see `./model/urls.ts`) and an HTTP error (a 404) open nothing.
 * @returns `'saved'`, `'opened'`, or `'failed'`.
 */
export async function downloadItem(item: GalleryItem): Promise<'saved' | 'opened' | 'failed'> {
  if (!allowedUrl(item.src, 'media')) return 'failed';
  let res: Response;
  try {
    res = await fetch(item.src, { mode: 'cors' });
  } catch {
    window.open(item.src, '_blank', 'noopener');
    return 'opened';
  }
  if (!res.ok) return 'failed';
  try {
    const url = URL.createObjectURL(await res.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: downloadName(item), rel: 'noopener' });
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    return 'saved';
  } catch {
    return 'failed';
  }
}

/**
 * Shares the item's URL with `navigator.share`, else copies it to the clipboard.
 * @returns `'shared'`, `'copied'`, `'failed'` (no share, no clipboard, or the user cancelled),
 * or `'refused'` (a URL that is not a web URL: nothing is shared or copied).
 */
export async function shareItem(item: GalleryItem): Promise<'shared' | 'copied' | 'failed' | 'refused'> {
  // Only a web URL is worth sharing: not one the policy refuses, nor a local blob: or data: URL.
  if (!allowedUrl(item.src, 'media') || /^\s*(data|blob):/i.test(item.src)) return 'refused';
  let url: string;
  try {
    url = new URL(item.src, location.href).href;
  } catch {
    return 'refused';
  }
  const data = { url, title: item.caption ?? downloadName(item) };
  try {
    if (navigator.share && (!navigator.canShare || navigator.canShare(data))) {
      await navigator.share(data);
      return 'shared';
    }
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    return 'failed';
  }
}
