// The strict policy examples/csp.html is served with (by `npm start` and by the CSP test): no
// inline script or style at all, same-origin everything, images also from data: and blob:
// (ThumbHash placeholders, uploads), and Trusted Types with only Lit's `lit-html` policy.
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');
