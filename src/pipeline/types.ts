/**
 * Public types of the Node media pipeline (`media-gallery/pipeline`).
 *
 * Node-only: nothing here is imported by the browser bundle.
 */

/** Output image formats that `prepare()` can write. */
export type OutputFormat = 'webp' | 'avif' | 'jpeg' | 'png';

/** Placeholder kinds: a base64 ThumbHash string, a tiny `data:` URL, or none. */
export type PlaceholderKind = 'thumbhash' | 'lqip' | 'none';

/** Manifest order: natural sort by relative path, or by capture date (EXIF, else mtime). */
export type SortOrder = 'name' | 'date';

/**
 * One entry of `gallery.json`: the contract's `GalleryItem` (see design/API.md, "Items"),
 * limited to the fields the pipeline fills. All URLs are relative to `gallery.json` and
 * every path segment is percent-encoded.
 */
export interface ManifestItem {
  /** Stable id: a hash of the input's relative path (same file, same id across runs). */
  id: string;
  type: 'image' | 'video';
  /** Full-size web copy (images, capped at `maxEdge`), the copied video, or the copied SVG. */
  src: string;
  /**
   * Mid-size thumbnail URL (`src` when the image is smaller than every width; the poster
   * for videos; absent for a video whose poster was skipped).
   */
  thumb?: string;
  /** `"url 320w, url 640w, …"` including the full web copy at its own width. */
  srcset?: string;
  /** The `sizes` attribute paired with `srcset`. */
  sizes?: string;
  /** Intrinsic width of `src` in CSS pixels after EXIF rotation (videos: of the poster frame). */
  width?: number;
  /** Intrinsic height of `src` in pixels after EXIF rotation. */
  height?: number;
  /** Base64 ThumbHash string, or a `data:image/webp;base64,…` URL. */
  placeholder?: string;
  /** Video poster frame URL (present only when ffmpeg was found). */
  poster?: string;
  /** Plain text; never HTML. */
  caption?: string;
  /** Plain text alternative text; the element falls back to `caption`. */
  alt?: string;
  /** Original file name offered on download (Gradio's `orig_name`). */
  download: string;
  /** Extra data, passed back untouched by the element in events. */
  meta: ManifestItemMeta;
}

/** `meta` of a manifest item. */
export interface ManifestItemMeta {
  /** Input path relative to the input folder, with `/` separators. */
  path: string;
  /** Original pixel size after rotation (images), before the `maxEdge` cap. */
  originalWidth?: number;
  originalHeight?: number;
  /** Capture date as ISO 8601 (EXIF DateTimeOriginal / CreateDate), when known. */
  date?: string;
  /** True when the input was an animated image (GIF/WebP with more than one frame). */
  animated?: boolean;
}

/** The `gallery.json` document. */
export interface Manifest {
  version: 1;
  /** `"media-gallery <package version>"`. */
  generator: string;
  items: ManifestItem[];
}

/** Options of {@link prepare}. Only `input` and `out` are required. */
export interface PrepareOptions {
  /** Input folder (absolute or relative to `process.cwd()`). */
  input: string;
  /** Output folder; created if missing. Must not be inside `input` unless `allowInside`. */
  out: string;
  /** Walk sub-folders. Default false. Symlinked folders are never followed. */
  recursive?: boolean;
  /**
   * Follow symlinked files whose real path is outside `input`. Default false: such links
   * are left out and reported in `warnings` (they could publish any file the user can
   * read, e.g. `photo.jpg.txt -> ~/.ssh/id_rsa` as a caption). Links that stay inside
   * `input` are always followed.
   */
  followSymlinks?: boolean;
  /** Output format of thumbnails and web copies. Default `'webp'`. */
  format?: OutputFormat;
  /** Thumbnail widths in pixels; never upscaled. Default `[320, 640, 1280]`. */
  widths?: number[];
  /** Longest edge of the full-size web copy, in pixels. Default 2560. */
  maxEdge?: number;
  /** Encoder quality 1–100 (webp/avif/jpeg; png uses palette-free lossless). Default per format. */
  quality?: number;
  /** Placeholder kind. Default `'thumbhash'`. */
  placeholder?: PlaceholderKind;
  /** Manifest order. Default `'name'`. */
  sort?: SortOrder;
  /** `sizes` attribute written with each `srcset`. Default `"(min-width: 768px) 33vw, 50vw"`. */
  sizes?: string;
  /**
   * Files processed at once. Default: the CPU count (`os.availableParallelism()`).
   * During the run libvips gets `floor(cores / files in flight)` threads per operation
   * (`sharp.concurrency()`; at least 1, at most its value before the run, restored
   * afterwards), so the two do not multiply past the core count.
   */
  concurrency?: number;
  /** Ignore the cache and process every file again. */
  force?: boolean;
  /** Allow `out` inside `input` (the output folder is then never walked). */
  allowInside?: boolean;
  /**
   * ffmpeg binary used for video posters: a command name looked up on PATH or a path.
   * Default `'ffmpeg'`. `false` disables posters (reported like a missing ffmpeg).
   */
  ffmpeg?: string | false;
  /**
   * Longest time one ffmpeg call may take, in milliseconds; it is then killed and the
   * video reported with `ffmpeg timed out after N s` (retried next run). Default 60 000.
   */
  ffmpegTimeoutMs?: number;
  /** Called for each file as it finishes (processed, cached, skipped or failed). */
  onProgress?: (event: ProgressEvent) => void;
  /** Called once the walk has counted the files to consider. */
  onStart?: (total: number) => void;
}

/** A progress report for one file. */
export interface ProgressEvent {
  /** Relative path of the file. */
  path: string;
  status: 'processed' | 'cached' | 'skipped' | 'error';
  /** Files done so far, including this one. */
  done: number;
  /** Total files considered (media files plus unsupported files). */
  total: number;
  /** Reason for `skipped` / `error`. */
  reason?: string;
}

/** A file that was not included, with the reason. */
export interface FileProblem {
  /** Path relative to the input folder, `/` separators. */
  path: string;
  reason: string;
  /**
   * Errors only: `true` when the failure says nothing about the file (an output that could
   * not be written, ffmpeg timing out, an input that could not be read): not cached, the
   * next run tries again. Absent for bad files, which are cached until they change.
   */
  transient?: true;
}

/** Result of {@link prepare}. */
export interface PrepareResult {
  /** Absolute path of the written `gallery.json`. */
  manifestPath: string;
  manifest: Manifest;
  /** Files whose outputs were (re)generated in this run. */
  processed: number;
  /** Files reused from the cache with no image work. */
  cached: number;
  /** Files ignored because their type is not supported (e.g. `notes.md`); not errors. */
  skipped: FileProblem[];
  /**
   * Media files that could not be processed: bad files (corrupt, truncated, empty, not an
   * image, over the pixel limit; cached) and `transient` failures (could not write an
   * output, ffmpeg timed out; retried next run).
   */
  errors: FileProblem[];
  /**
   * Non-fatal notes, e.g. `poster skipped: …`, an unreadable sidecar, a symlink out of the
   * input folder or a FIFO/socket/device left out, a stale lock taken over.
   */
  warnings: FileProblem[];
  /** Relative paths dropped from the manifest because the input file is gone. */
  removed: string[];
  /** Wall-clock duration in milliseconds. */
  durationMs: number;
}
