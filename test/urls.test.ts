// The URL policy's fast path (src/model/urls.ts) against the policy as first written (strip
// tabs and newlines, skip leading controls, read the scheme with a regex): the same answer
// for every string, hostile ones included.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { allowedUrl } from '../src/model/urls.js';

function reference(url: string, data: 'image' | 'media' = 'image'): boolean {
  const s = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(s);
  if (!m) return true;
  const scheme = m[1].toLowerCase();
  if (scheme === 'http' || scheme === 'https' || scheme === 'blob') return true;
  if (scheme !== 'data') return false;
  return data === 'media' ? /^data:(image|video)\//i.test(s) : /^data:image\//i.test(s);
}

const pieces = ['', ' ', '\t', '\n', '\r', '\u0000', '\u001f', '\u00a0', '\u212a', 'ſ', ':', '/', '//', '.', '+', '-', '?', '#', '%',
  'a', 'Z', '0', 'http', 'HTTPS', 'blob', 'data', 'javascript', 'JaVa', 'script', 'vbscript', 'file', 'image/', 'video/', 'text/html', ',x', 'png'];

describe('urls: allowedUrl', () => {
  it('answers as the regex policy for every string', () => {
    const str = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join('')));
    fc.assert(
      fc.property(str, fc.constantFrom<'image' | 'media'>('image', 'media'), (url, data) => {
        expect(allowedUrl(url, data), JSON.stringify(url)).to.equal(reference(url, data));
      }),
      { numRuns: 20_000 },
    );
  });

  it('decides the usual forms', () => {
    for (const u of ['/a.jpg', '//cdn/a.jpg', 'a.jpg', './a.jpg', 'p/a.jpg?x=y:z', 'https://h/a.jpg', 'HTTP://h/a', 'blob:http://x/1', 'data:image/png;base64,AA', '', 'a+b.jpg', '1:2'])
      expect(allowedUrl(u), u).to.equal(true);
    for (const u of ['javascript:alert(1)', 'java\tscript:x', ' JAVASCRIPT:x', '\u0000javascript:x', 'data:text/html,<b>', 'vbscript:x', 'file:///etc/passwd', 'data:video/mp4,x'])
      expect(allowedUrl(u), u).to.equal(false);
    expect(allowedUrl('data:video/mp4,x', 'media')).to.equal(true);
  });
});
