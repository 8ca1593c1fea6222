/** Download and share of one item, used by the preview's toolbar. */
import { downloadName, type GalleryItem } from './model/items.js';

/**
 * Saves the item under its `download` name: fetches it as a blob and clicks a temporary
 * `<a download>`. When fetching fails (a cross-origin URL without CORS), opens the URL in a new
 * tab instead, where the user can save it.
 * @returns `'saved'` or `'opened'`.
 */
export async function downloadItem(item: GalleryItem): Promise<'saved' | 'opened'> {
  try {
    const res = await fetch(item.src, { mode: 'cors' });
    if (!res.ok) throw new Error(String(res.status));
    const url = URL.createObjectURL(await res.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: downloadName(item), rel: 'noopener' });
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    return 'saved';
  } catch {
    window.open(item.src, '_blank', 'noopener');
    return 'opened';
  }
}

/**
 * Shares the item's URL with `navigator.share`, else copies it to the clipboard.
 * @returns `'shared'`, `'copied'`, or `'failed'` (no share, no clipboard, or the user cancelled).
 */
export async function shareItem(item: GalleryItem): Promise<'shared' | 'copied' | 'failed'> {
  const url = new URL(item.src, location.href).href;
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
