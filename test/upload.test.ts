import { expect } from '@open-wc/testing';
import { acceptAttr, accepts, parseSize } from '../src/upload.js';

describe('upload rules', () => {
  it('builds accept from file-types words, extensions and MIME types', () => {
    expect(acceptAttr('')).to.equal('image/*,video/*');
    expect(acceptAttr('image, video, .pdf')).to.equal('image/*,video/*,.pdf');
    expect(acceptAttr('image/png')).to.equal('image/png');
  });

  it('matches files against accept', () => {
    expect(accepts({ name: 'a.PNG', type: 'image/png' }, 'image/*')).to.equal(true);
    expect(accepts({ name: 'a.pdf', type: 'application/pdf' }, 'image/*,.pdf')).to.equal(true);
    expect(accepts({ name: 'a.txt', type: 'text/plain' }, 'image/*,video/*')).to.equal(false);
  });

  it('parses sizes with units', () => {
    expect(parseSize('5MB')).to.equal(5_000_000);
    expect(parseSize('512 KiB')).to.equal(524_288);
    expect(parseSize(1000)).to.equal(1000);
    expect(parseSize('lots')).to.equal(null);
  });
});
