/**
 * The ThumbHash decoder's chunk (`thumbhash.js` beside the CDN entry; a bundler splits it
 * likewise): the thumbhash library's decoder, put where `placeholder.ts` reads it.
 */
import { thumbHashToDataURL } from 'thumbhash';
import { chunks } from './chunk-import.js';

chunks.thumbHashToDataURL = thumbHashToDataURL;
