/**
 * The ThumbHash decoder's chunk (`thumbhash.js` beside the CDN entry; a bundler splits it
 * likewise): only the thumbhash library's decoder, so the chunk holds nothing else of it.
 */
export { thumbHashToDataURL } from 'thumbhash';
