/**
 * The ThumbHash decoder's chunk (`thumbhash.js` beside the CDN entry; a bundler splits it
 * likewise): the thumbhash library's decoder, exported and put in `chunks` (see `chunk-import.ts`).
 */
import { thumbHashToDataURL } from 'thumbhash';
import { chunks } from './chunk-import.js';

chunks.thumbHashToDataURL = thumbHashToDataURL;
export { thumbHashToDataURL };
