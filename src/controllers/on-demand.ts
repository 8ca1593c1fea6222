import type { ReactiveControllerHost } from 'lit';
import { PlaceholdersController } from './placeholders.js';
import { loadPreview } from '../preview-loader.js';

/**
 * What `<media-gallery>` renders from chunks loaded on demand, besides upload mode
 * (`chunk-loader.ts`): it renders again once the ThumbHash decoder has arrived (see
 * {@link PlaceholdersController}), and a first pointer or focus on it loads the preview's chunk
 * (the preview is likely next) if the browser has not been idle yet and `preview()` says so.
 */
export class OnDemandController extends PlaceholdersController {
  constructor(host: ReactiveControllerHost & HTMLElement, preview: () => boolean) {
    super(host);
    for (const type of ['pointerover', 'focusin']) host.addEventListener(type, () => preview() && void loadPreview(), { once: true });
  }
}
