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
  /** Shown when an item's URL cannot be shared (not a web URL). */
  shareFailed: string;
  /** Shown when a download fails (an HTTP error such as 404). */
  downloadFailed: string;
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
  /** A per-item button's accessible name: `{action} {item}`, e.g. "Like Leaf ribs". */
  onItem: string;
  /** A video tile's name: `{name}, video`. */
  videoItem: string;
  /** The narrow preview's overflow menu button. */
  moreActions: string;
  /** Announced after Load more: `{n}` new items. */
  loaded: string;
  /** Announced after a delete. */
  deleted: string;
  /** Announced for a refused upload: `{file}` and `{reason}` (one of the reasons below). */
  refused: string;
  refusedType: string;
  refusedSize: string;
  refusedCount: string;
  refusedOther: string;
  // Upload mode and forms.
  /** The drop target shown while files are dragged over the gallery. */
  dropTarget: string;
  /** The upload gallery's Clear button (fires `clear`). */
  clear: string;
  /** The camera picker's label (shown with two or more cameras). */
  camera: string;
  /** `{file}` is uploading (progress bar name). */
  uploading: string;
  cancelUpload: string;
  retryUpload: string;
  /** Announced: `{file}` stored by the server. */
  uploaded: string;
  /** Announced and shown: the server upload of `{file}` failed. */
  uploadFailed: string;
  /** Shown on the tile of a failed upload (beside Retry; the tile is narrow). */
  failed: string;
  uploadCancelled: string;
  /** A refused item's dismiss button. */
  dismiss: string;
  /** Listed when the camera cannot be opened (denied or absent). */
  cameraError: string;
  /** Listed when the clipboard gives nothing readable. */
  pasteError: string;
  /** Announced after a reorder: `{item}`, `{n}`, `{total}`. */
  moved: string;
  /** Announced when a long press lifts a tile (touch reorder): `{item}`, `{n}`, `{total}`. */
  lifted: string;
  /** Announced when a lifted tile is put back (Escape, a tap elsewhere). */
  moveCancelled: string;
  /** The inline caption editor's name: `{item}`. */
  captionOf: string;
  /** A tile's caption button in upload mode (named with `onItem`: "Edit caption of Ladybird"). */
  editCaption: string;
  /** Announced after a caption edit. */
  captionSaved: string;
  /** Validation messages: `required` with no item; more than `max-files` (`{max}`); uploads still running. */
  requiredError: string;
  tooManyError: string;
  uploadingError: string;
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
  shareFailed: 'This item has no link to share',
  downloadFailed: 'Download failed',
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
  onItem: '{action} {item}',
  videoItem: '{name}, video',
  moreActions: 'More actions',
  loaded: '{n} more items loaded',
  deleted: 'Deleted {item}',
  refused: '{file} not added: {reason}',
  refusedType: 'file type not accepted',
  refusedSize: 'file too large',
  refusedCount: 'too many files',
  refusedOther: 'could not be read',
  dropTarget: 'Drop files to add them',
  clear: 'Clear',
  camera: 'Camera',
  uploading: 'Uploading {file}',
  cancelUpload: 'Cancel upload of {file}',
  retryUpload: 'Retry upload of {file}',
  uploaded: '{file} uploaded',
  uploadFailed: 'Upload of {file} failed',
  failed: 'Failed',
  uploadCancelled: 'Cancelled',
  dismiss: 'Dismiss',
  cameraError: 'The camera could not be opened',
  pasteError: 'Nothing could be pasted from the clipboard',
  moved: 'Moved {item} to position {n} of {total}',
  lifted: 'Picked up {item}, position {n} of {total}. Drag to move it; tap elsewhere or press Escape to cancel.',
  moveCancelled: 'Move cancelled',
  captionOf: 'Caption of {item}',
  editCaption: 'Edit caption of',
  captionSaved: 'Caption saved',
  requiredError: 'Add at least one file.',
  tooManyError: 'At most {max} files.',
  uploadingError: 'Wait for the uploads to finish.',
};

/** Fills `{name}` slots of a label template. */
export const fmt = (t: string, vars: Record<string, string | number>) => t.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
