import type { GalleryItemInput } from 'media-gallery';

const svg = (fill: string): string =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="${fill}"/></svg>`)}`;

export const FIRST: GalleryItemInput[] = [
  { src: svg('#c0392b'), width: 400, height: 300, caption: 'Red' },
  { src: svg('#27ae60'), width: 400, height: 300, caption: 'Green' },
  [svg('#2980b9'), 'Blue'],
];
export const SECOND: GalleryItemInput[] = [
  { src: svg('#222'), width: 400, height: 300, caption: 'Black' },
  { src: svg('#eee'), width: 400, height: 300, caption: 'White' },
];
