/**
 * User-visible strings, English by default. Set the `labels` property of an element to a
 * partial object to translate: `gallery.labels = { next: 'Suivant' }`.
 */
export interface GalleryLabels {
  gallery: string;
  empty: string;
  preview: string;
  /** `{type} {n} of {total}`, e.g. "Image 3 of 12"; `{type}` is `image` or `video` below. */
  itemOf: string;
  image: string;
  video: string;
  close: string;
  previous: string;
  next: string;
  download: string;
  share: string;
  shareCopied: string;
  fullscreen: string;
  exitFullscreen: string;
  like: string;
  dislike: string;
  favorite: string;
  edit: string;
  delete: string;
  zoomIn: string;
  zoomOut: string;
  resetZoom: string;
  play: string;
  pause: string;
  slideshow: string;
  loadMore: string;
  loading: string;
  loadError: string;
  /** The button on a failed media tile that loads it again. */
  retry: string;
  thumbnails: string;
  upload: string;
  dropHere: string;
  webcam: string;
  capture: string;
  paste: string;
}

export const defaultLabels: GalleryLabels = {
  gallery: 'Gallery',
  empty: 'No images yet',
  preview: 'Preview',
  itemOf: '{type} {n} of {total}',
  image: 'Image',
  video: 'Video',
  close: 'Close',
  previous: 'Previous',
  next: 'Next',
  download: 'Download',
  share: 'Share',
  shareCopied: 'Link copied',
  fullscreen: 'Fullscreen',
  exitFullscreen: 'Exit fullscreen',
  like: 'Like',
  dislike: 'Dislike',
  favorite: 'Favorite',
  edit: 'Edit',
  delete: 'Delete',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  resetZoom: 'Fit to screen',
  play: 'Play',
  pause: 'Pause',
  slideshow: 'Slideshow',
  loadMore: 'Load more',
  loading: 'Loading…',
  loadError: 'Could not load',
  retry: 'Retry',
  thumbnails: 'Thumbnails',
  upload: 'Upload files',
  dropHere: 'Drop images or videos here, or click to browse',
  webcam: 'Take a photo',
  capture: 'Capture',
  paste: 'Paste from clipboard',
};

/** Fills `{name}` slots of a label template. */
export const fmt = (t: string, vars: Record<string, string | number>) => t.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
