import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../elements/media-gallery.js';
import type { MediaGallery } from '../src/media-gallery.js';
import type { GalleryPreview } from '../src/gallery-preview.js';
import type { GalleryItem } from '../src/model/items.js';
import { deepActive, isLoaded, mainOf, recordCapture, settle, tileAt, tileButton, tiles } from './helpers.js';

const PHOTOS = ['Aqua.jpg', 'Blinds.jpg', 'Dune.jpg', 'Elephants.jpg', 'FreshFlower.jpg', 'Garden.jpg'];
const photo = (n: string) => `/examples/photos/${n}`;
const items = (count: number): GalleryItem[] =>
  Array.from({ length: count }, (_, i) => ({ src: photo(PHOTOS[i % PHOTOS.length]), caption: `Photo ${i + 1}`, width: 1600, height: 1200, id: `p${i}` }));
const sr = (el: MediaGallery) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: MediaGallery, s: string) => sr(el).querySelector<T>(s);
const captions = (el: MediaGallery) => el.items.map((x) => x.caption);
const status = (el: MediaGallery) => q(el, '[role=status]')!.textContent!.trim();

async function mount(tpl: unknown, width = 800) {
  const wrap = await fixture<HTMLDivElement>(html`<div style=${`width:${width}px`}>${tpl}</div>`);
  const el = wrap.querySelector('media-gallery') as MediaGallery;
  await settle(el);
  return el;
}

async function png(name = 'a.png', size = 8) {
  const c = document.createElement('canvas');
  c.width = c.height = size;
  c.getContext('2d')!.fillRect(0, 0, size / 2, size / 2);
  const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

function transfer(files: File[]) {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  return dt;
}

/** Through the real file input, as a user's choice arrives. */
async function choose(el: MediaGallery, files: File[]) {
  const input = q<HTMLInputElement>(el, 'input[type=file]')!;
  input.files = transfer(files).files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

/** A form posted for real into an iframe, answered by the test server's echo endpoint. */
async function submitToEcho(form: HTMLFormElement) {
  const frame = document.createElement('iframe');
  frame.name = `echo${Math.random().toString(36).slice(2)}`;
  document.body.append(frame);
  form.target = frame.name;
  form.action = '/upload-test/echo';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  form.requestSubmit();
  await loaded;
  const text = frame.contentDocument!.body.textContent!;
  frame.remove();
  return JSON.parse(text) as Array<{ name: string; value?: string; file?: string; size?: number; type?: string }>;
}

const blobGone = async (url: string) => {
  try {
    await (await fetch(url)).blob();
    return false;
  } catch {
    return true;
  }
};

describe('upload mode: a form control', () => {
  before(() => setViewport({ width: 1200, height: 800 }));

  it('a plain multipart form posts each uploaded File and each kept URL under name, in order', async () => {
    const el = await mount(html`<form method="post" enctype="multipart/form-data"><input name="title" value="Trip">
      <media-gallery interactive name="photos" .items=${items(2)}></media-gallery></form>`);
    await choose(el, [await png('new.png')]);
    const fd = new FormData(el.closest('form')!);
    expect(fd.getAll('photos').map((v) => (typeof v === 'string' ? v : `file:${v.name}`))).to.deep.equal([photo('Aqua.jpg'), photo('Blinds.jpg'), 'file:new.png']);
    const arrived = await submitToEcho(el.closest('form')!);
    expect(arrived.map((e) => e.name)).to.deep.equal(['title', 'photos', 'photos', 'photos']);
    expect(arrived[1].value).to.equal(el.items[0].src);
    expect(arrived[3]).to.include({ file: 'new.png', type: 'image/png' });
    expect(arrived[3].size).to.be.greaterThan(0);
  });

  it('form.reset() restores the items the page set, without events', async () => {
    const el = await mount(html`<form><media-gallery interactive name="g" .items=${items(2)}></media-gallery></form>`);
    await choose(el, [await png('x.png')]);
    expect(tiles(el)).to.have.length(3);
    const seen = recordCapture(['change', 'upload', 'delete']);
    try {
      el.closest('form')!.reset();
      await settle(el);
      expect(captions(el)).to.deep.equal(['Photo 1', 'Photo 2']);
      expect(tiles(el)).to.have.length(2);
      expect(new FormData(el.closest('form')!).getAll('g')).to.have.length(2);
      expect(seen).to.have.length(0);
    } finally {
      seen.stop();
    }
  });

  it('required and max-files: validity with messages, :invalid, the message shown after a submit attempt', async () => {
    const el = await mount(html`<form><media-gallery interactive required max-files="2" name="g"></media-gallery></form>`);
    const form = el.closest('form')!;
    expect(form.checkValidity()).to.equal(false);
    expect(el.matches(':invalid')).to.equal(true);
    expect(q(el, '[part=validation]')).to.equal(null);
    form.requestSubmit();
    await settle(el);
    expect(q(el, '[part=validation]')!.textContent).to.equal('Add at least one file.');
    await choose(el, [await png('one.png')]);
    expect(form.checkValidity()).to.equal(true);
    expect(el.matches(':invalid')).to.equal(false);
    el.items = items(3);
    await settle(el);
    expect(form.checkValidity()).to.equal(false);
    expect(q(el, '[part=validation]')!.textContent).to.equal('At most 2 files.');
  });

  it('the standard form-control API (form, validity, validationMessage, willValidate, checkValidity, reportValidity, setCustomValidity), right before upload mode loads', async () => {
    const form = document.createElement('form');
    const el = document.createElement('media-gallery') as MediaGallery;
    el.interactive = true;
    el.name = 'g';
    el.required = true;
    el.maxFiles = 2;
    form.append(el);
    document.body.append(form);
    const invalid = recordCapture(['invalid']);
    try {
      // Not rendered yet, upload mode not loaded: the element already answers as a field.
      expect(el.hasUpdated).to.equal(false);
      expect(el.form).to.equal(form);
      expect(el.willValidate).to.equal(true);
      expect(el.checkValidity()).to.equal(false);
      expect(invalid.length).to.equal(1);
      expect(invalid[0].event.target === el).to.equal(true);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validity.valid).to.equal(false);
      expect(el.validationMessage).to.equal('Add at least one file.');
      // A change is reflected at once, before the next update.
      el.items = items(3);
      expect(el.validity.valueMissing).to.equal(false);
      expect(el.validity.rangeOverflow).to.equal(true);
      expect(el.validationMessage).to.equal('At most 2 files.');
      el.items = items(1);
      expect(el.checkValidity()).to.equal(true);
      expect(el.validity.valid).to.equal(true);
      expect(el.validationMessage).to.equal('');
      // A custom message, as on <input>: invalid until cleared.
      el.setCustomValidity('Pick a cover photo');
      expect(el.validity.customError).to.equal(true);
      expect(el.validationMessage).to.equal('Pick a cover photo');
      expect(el.checkValidity()).to.equal(false);
      await settle(el);
      expect(el.matches(':invalid')).to.equal(true);
      // checkValidity shows nothing; reportValidity does: the message under the drop zone.
      expect(q(el, '[part=validation]') === null, 'no message after checkValidity()').to.equal(true);
      expect(el.reportValidity()).to.equal(false);
      await settle(el);
      expect(q(el, '[part=validation]')!.textContent).to.equal('Pick a cover photo');
      expect(form.checkValidity()).to.equal(false);
      el.setCustomValidity('');
      await settle(el);
      expect(el.reportValidity()).to.equal(true);
      expect(el.matches(':valid')).to.equal(true);
      expect(q(el, '[part=validation]') === null, 'message gone').to.equal(true);
      expect(new FormData(form).getAll('g')).to.deep.equal([photo('Aqua.jpg')]);
      // Disabled: not validated, as a disabled <input>.
      el.disabled = true;
      await settle(el);
      expect(el.willValidate).to.equal(false);
    } finally {
      invalid.stop();
      form.remove();
    }
  });

  it('a display-only gallery (no name, not interactive: upload mode never loads) still validates required', async () => {
    const el = await mount(html`<form><media-gallery required></media-gallery></form>`);
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal('Add at least one file.');
    expect(el.closest('form')!.checkValidity()).to.equal(false);
    expect(q(el, '[part=dropzone]') === null).to.equal(true);
    el.items = items(1);
    expect(el.checkValidity()).to.equal(true);
  });

  it('disabled (attribute or fieldset): no uploads, no delete buttons, nothing submitted', async () => {
    const el = await mount(html`<form><fieldset><media-gallery interactive name="g" .items=${items(1)}></media-gallery></fieldset></form>`);
    const fieldset = el.closest('fieldset')!;
    fieldset.disabled = true;
    await settle(el);
    expect(q<HTMLButtonElement>(el, '[part~=upload]')!.disabled).to.equal(true);
    expect(tileAt(el, 0).querySelector('[part~=delete]')).to.equal(null);
    sr(el).querySelector('.grid')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer([await png()]), bubbles: true, composed: true, cancelable: true }));
    await settle(el);
    expect(tiles(el)).to.have.length(1);
    expect(new FormData(el.closest('form')!).getAll('g')).to.have.length(0);
    fieldset.disabled = false;
    el.disabled = true;
    await settle(el);
    expect(el.matches(':disabled')).to.equal(true);
    expect(q<HTMLButtonElement>(el, '[part~=upload]')!.disabled).to.equal(true);
    el.disabled = false;
    await settle(el);
    expect(q<HTMLButtonElement>(el, '[part~=upload]')!.disabled).to.equal(false);
  });

  it('restores its files and URLs from the state the browser saved (back/forward)', async () => {
    const el = await mount(html`<form><media-gallery interactive name="g" .items=${items(1)}></media-gallery></form>`);
    const state = new FormData();
    state.append('g', photo('Dune.jpg'));
    state.append('g', await png('kept.png'), 'kept.png');
    el.formStateRestoreCallback(state);
    await settle(el);
    expect(el.items.map((x) => x.caption ?? null)).to.deep.equal([null, 'kept.png']);
    const values = new FormData(el.closest('form')!).getAll('g');
    expect(values[0]).to.equal(photo('Dune.jpg'));
    expect((values[1] as File).name).to.equal('kept.png');
  });
});

describe('upload mode: server upload', () => {
  before(() => setViewport({ width: 1200, height: 800 }));

  it('upload-url: the tile shows progress, then the item keeps the URL the server returns; upload and change fire', async () => {
    const el = await mount(html`<form><media-gallery interactive name="g" upload-url="/upload-test/slow?gate=ok1"></media-gallery></form>`);
    const seen = recordCapture(['upload', 'change', 'upload-error']);
    try {
      await choose(el, [await png('srv.png')]);
      expect(q(el, '[part=transfer] progress')).to.exist;
      expect(q(el, '[part~=cancel-upload]')!.getAttribute('aria-label')).to.equal('Cancel upload of srv.png');
      expect(el.closest('form')!.checkValidity()).to.equal(false);
      await fetch('/upload-test/release?gate=ok1');
      await waitUntil(() => seen.some((x) => x.type === 'upload'), 'upload after the server answered');
      await settle(el);
      expect(seen.map((x) => x.type)).to.deep.equal(['change', 'upload', 'change']);
      expect(seen.every((x) => x.event.target === el)).to.equal(true);
      const url = seen[1].detail.items[0].src as string;
      expect(url).to.match(/\/upload-test\/files\/\d+\/srv\.png$/);
      expect(seen[1].detail.files[0].name).to.equal('srv.png');
      expect(el.items[0].src).to.equal(url);
      expect(q(el, '[part=transfer]')).to.equal(null);
      await waitUntil(() => isLoaded(tileAt(el, 0)), 'the stored file loads from the server');
      expect(new FormData(el.closest('form')!).getAll('g')).to.deep.equal([url]);
    } finally {
      seen.stop();
    }
  });

  it('a failing server: upload-error network, a visible failure and Retry, which then succeeds', async () => {
    const el = await mount(html`<media-gallery interactive upload-url="/upload-test/fail"></media-gallery>`);
    const seen = recordCapture(['upload', 'upload-error']);
    try {
      await choose(el, [await png('f.png')]);
      await waitUntil(() => seen.length === 1, 'upload-error');
      expect(seen[0].detail.reason).to.equal('network');
      expect(seen[0].detail.file.name).to.equal('f.png');
      await settle(el);
      // Short on the narrow tile, whole in its title; the live region said it whole.
      expect(q(el, '[part=transfer] .status')!.textContent).to.equal('Failed');
      expect(q(el, '[part=transfer] .status')!.title).to.equal('Upload of f.png failed');
      expect(status(el)).to.contain('Upload of f.png failed');
      el.uploadUrl = '/upload-test/text';
      q(el, '[part~=retry-upload]')!.click();
      await waitUntil(() => seen.length === 2, 'upload after retry');
      expect(seen[1].type).to.equal('upload');
      expect(el.items[0].src).to.match(/\/upload-test\/files\/\d+\/f\.png$/);
    } finally {
      seen.stop();
    }
  });

  it('Cancel stops a slow upload (no upload event); Retry sends it again', async () => {
    const el = await mount(html`<media-gallery interactive upload-url="/upload-test/slow?gate=c1"></media-gallery>`);
    const seen = recordCapture(['upload', 'upload-error']);
    try {
      await choose(el, [await png('slow.png')]);
      q(el, '[part~=cancel-upload]')!.click();
      await settle(el);
      expect(q(el, '[part=transfer] .status')!.textContent).to.equal('Cancelled');
      expect(el.items[0].src.startsWith('blob:')).to.equal(true);
      el.uploadUrl = '/upload-test/slow?gate=c2';
      q(el, '[part~=retry-upload]')!.click();
      await settle(el);
      expect(q(el, '[part=transfer] progress')).to.exist;
      await fetch('/upload-test/release?gate=c2');
      await waitUntil(() => seen.length === 1, 'upload after retry');
      // The cancelled request, released now, must not land.
      await fetch('/upload-test/release?gate=c1');
      await settle(el);
      expect(seen.map((x) => x.type)).to.deep.equal(['upload']);
    } finally {
      seen.stop();
    }
  });

  it('uploadHandler: custom transport with progress and an abort signal', async () => {
    const el = await mount(html`<media-gallery interactive></media-gallery>`);
    let progress!: (f: number) => void, finish!: (url: string) => void, signal!: AbortSignal;
    el.uploadHandler = (_file, o) => { progress = o.onProgress; signal = o.signal; return new Promise((r) => (finish = r)); };
    await choose(el, [await png('h.png')]);
    progress(0.5);
    await settle(el);
    expect(q<HTMLProgressElement>(el, '[part=transfer] progress')!.value).to.equal(0.5);
    // All sent, no answer yet: indeterminate, not a full bar.
    progress(1);
    await settle(el);
    expect(q<HTMLProgressElement>(el, '[part=transfer] progress')!.position).to.equal(-1);
    finish(photo('Wood.jpg'));
    await waitUntil(() => !el.items[0].src.startsWith('blob:'), 'stored');
    expect(el.items[0].src).to.equal(new URL(photo('Wood.jpg'), location.href).href);
    expect(signal.aborted).to.equal(false);
  });
});

describe('upload mode: input', () => {
  before(() => setViewport({ width: 1200, height: 800 }));

  it('a drop anywhere on the gallery (on a tile) adds files, with a visible drop target while dragging', async () => {
    const el = await mount(html`<media-gallery interactive .items=${items(2)}></media-gallery>`);
    const tile = mainOf(tileAt(el, 1));
    const dt = transfer([await png('dropped.png')]);
    tile.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true }));
    tile.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true }));
    await settle(el);
    const target = q(el, '[part=droptarget]')!;
    expect(target.textContent!.trim()).to.equal('Drop files to add them');
    expect(target.getBoundingClientRect().height).to.be.greaterThan(100);
    const seen = recordCapture(['upload', 'change']);
    try {
      tile.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true }));
      await settle(el);
      expect(seen.map((x) => x.type)).to.deep.equal(['upload', 'change']);
      expect(captions(el)).to.deep.equal(['Photo 1', 'Photo 2', 'dropped.png']);
      expect(q(el, '[part=droptarget]')).to.equal(null);
    } finally {
      seen.stop();
    }
  });

  it('click on the drop zone and Enter on it open the file chooser', async () => {
    const el = await mount(html`<media-gallery interactive></media-gallery>`);
    const input = q<HTMLInputElement>(el, 'input[type=file]')!;
    let opened = 0;
    input.addEventListener('click', (e) => { opened++; e.preventDefault(); });
    q(el, '[part=dropzone]')!.click();
    expect(opened).to.equal(1);
    q(el, '[part~=upload]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => opened === 2, 'Enter opened the chooser');
    expect(q(el, '[part~=upload]')!.textContent).to.contain('click to browse');
  });

  it('paste anywhere in the focused gallery adds the pasted files (clipboard is a default source)', async function () {
    // Firefox drops the files of a DataTransfer given to a synthetic ClipboardEvent: there the test cannot paste a file.
    const probe = new ClipboardEvent('paste', { clipboardData: transfer([await png()]) });
    if (!probe.clipboardData?.files.length) this.skip();
    const el = await mount(html`<media-gallery interactive .items=${items(1)}></media-gallery>`);
    mainOf(tileAt(el, 0)).focus();
    const seen = recordCapture(['upload']);
    try {
      deepActive()!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer([await png('pasted.png')]), bubbles: true, composed: true, cancelable: true }));
      await settle(el);
      expect(seen).to.have.length(1);
      expect(captions(el)).to.deep.equal(['Photo 1', 'pasted.png']);
    } finally {
      seen.stop();
    }
  });

  it('every refused file is listed with its name and reason, announced, and dismissable', async () => {
    const el = await mount(html`<media-gallery interactive max-files="2" max-file-size="1KB" .items=${items(1)}></media-gallery>`);
    const seen = recordCapture(['upload-error']);
    const realGum = navigator.mediaDevices?.getUserMedia;
    try {
      await choose(el, [new File(['x'], 'notes.txt', { type: 'text/plain' }), new File([new Uint8Array(5000)], 'big.png', { type: 'image/png' }), await png('ok.png'), await png('extra.png')]);
      expect(seen.map((x) => x.detail.reason)).to.deep.equal(['type', 'size', 'count']);
      const rows = () => [...sr(el).querySelectorAll('[part=refused] li')].map((li) => li.textContent!.trim());
      expect(rows()).to.deep.equal(['notes.txt not added: file type not accepted', 'big.png not added: file too large', 'extra.png not added: too many files']);
      expect(status(el)).to.equal('extra.png not added: too many files');
      if (navigator.mediaDevices) {
        navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
        q(el, '[part~=webcam]')!.click();
        await waitUntil(() => seen.length === 4, 'camera refusal');
        expect(seen[3].detail).to.deep.equal({ file: null, reason: 'camera' });
        await settle(el);
        expect(rows()[3]).to.equal('The camera could not be opened');
      }
      sr(el).querySelector<HTMLButtonElement>('[part=refused] li [part~=dismiss]')!.click();
      await settle(el);
      expect(rows()[0]).to.equal('big.png not added: file too large');
    } finally {
      if (realGum) navigator.mediaDevices.getUserMedia = realGum;
      seen.stop();
    }
  });

  it('the Paste button with an unreadable clipboard: read is listed, announced and fires upload-error', async () => {
    const el = await mount(html`<media-gallery interactive .items=${items(1)}></media-gallery>`);
    const clip = navigator.clipboard as Clipboard & { read: Clipboard['read'] };
    const had = Object.prototype.hasOwnProperty.call(clip, 'read');
    const denied = new Promise<void>((r) => {
      clip.read = () => { r(); return Promise.reject(new DOMException('Read permission denied.', 'NotAllowedError')); };
    });
    const seen = recordCapture(['upload-error', 'upload', 'change']);
    try {
      q(el, '[part~=paste]')!.click();
      await denied;
      await waitUntil(() => seen.length === 1, 'upload-error');
      expect(seen[0].type).to.equal('upload-error');
      expect(seen[0].detail).to.deep.equal({ file: null, reason: 'read' });
      expect(seen[0].event.target === el).to.equal(true);
      await settle(el);
      const rows = [...sr(el).querySelectorAll('[part=refused] li')].map((li) => li.textContent!.trim());
      expect(rows).to.deep.equal(['Nothing could be pasted from the clipboard']);
      expect(status(el)).to.equal('Nothing could be pasted from the clipboard');
      expect(captions(el)).to.deep.equal(['Photo 1']);
    } finally {
      if (!had) delete (clip as Partial<Clipboard>).read;
      seen.stop();
    }
  });

  it('Gradio shapes: file-types as a list, gap [x, y], the xll breakpoint', async () => {
    const el = await mount(html`<media-gallery interactive .fileTypes=${['image', '.mp4']} .gap=${[4, 30]} columns='{"xs":1,"xxl":3,"xll":4}' .items=${items(8)}></media-gallery>`, 1700);
    expect(q<HTMLInputElement>(el, 'input[type=file]')!.accept).to.equal('image/*,.mp4');
    const [a, b, e] = [0, 1, 4].map((i) => tileAt(el, i).getBoundingClientRect());
    expect(b.left - a.right).to.be.closeTo(4, 0.5);
    expect(e.top - a.bottom).to.be.closeTo(30, 0.5);
    expect(Math.round(b.top - a.top)).to.equal(0);
    expect(tiles(el).filter((t) => Math.round(t.getBoundingClientRect().top) === Math.round(a.top))).to.have.length(4);
  });

  it('max-files="1" replaces the item (gr.Image), and Clear fires clear then change', async () => {
    const el = await mount(html`<media-gallery interactive max-files="1"></media-gallery>`);
    await choose(el, [await png('first.png')]);
    const first = el.items[0].src;
    await choose(el, [await png('second.png')]);
    expect(captions(el)).to.deep.equal(['second.png']);
    await waitUntil(() => blobGone(first), 'the replaced blob URL is revoked');
    const seen = recordCapture(['clear', 'change']);
    try {
      q(el, '[part~=clear]')!.click();
      await settle(el);
      expect(seen.map((x) => [x.type, x.detail])).to.deep.equal([['clear', {}], ['change', { items: [] }]]);
      expect(tiles(el)).to.have.length(0);
    } finally {
      seen.stop();
    }
  });

  it('blob URLs are revoked once no item references them: delete, items replaced, removal; a re-added gallery gets new ones', async () => {
    const el = await mount(html`<media-gallery interactive></media-gallery>`);
    await choose(el, [await png('a.png'), await png('b.png'), await png('c.png')]);
    const [a, b, c] = el.items.map((x) => x.src);
    tileButton(tileAt(el, 0), 'delete').click();
    await settle(el);
    await waitUntil(() => blobGone(a), 'the deleted item\'s URL is revoked');
    expect(await blobGone(b)).to.equal(false);
    const parent = el.parentElement!;
    el.remove();
    await waitUntil(() => blobGone(b), 'revoked after removal');
    parent.append(el);
    await settle(el);
    const [b2, c2] = el.items.map((x) => x.src);
    expect(b2).to.not.equal(b);
    expect(await blobGone(b2)).to.equal(false);
    expect(await blobGone(c)).to.equal(true);
    el.items = [photo('Dune.jpg')];
    await settle(el);
    await waitUntil(async () => (await blobGone(b2)) && (await blobGone(c2)), 'revoked when the page replaced the items');
  });
});

describe('upload mode: editing', () => {
  before(() => setViewport({ width: 1200, height: 800 }));

  it('Alt+Arrow moves the focused tile, fires change, announces, and focus follows', async () => {
    const el = await mount(html`<media-gallery interactive columns="3" .items=${items(6)}></media-gallery>`);
    mainOf(tileAt(el, 0)).focus();
    const seen = recordCapture(['change']);
    try {
      await sendKeys({ down: 'Alt' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ up: 'Alt' });
      await settle(el);
      expect(captions(el)).to.deep.equal(['Photo 2', 'Photo 1', 'Photo 3', 'Photo 4', 'Photo 5', 'Photo 6']);
      expect(seen).to.have.length(1);
      expect(seen[0].detail.items.map((x: GalleryItem) => x.caption)).to.deep.equal(captions(el));
      await waitUntil(() => deepActive() === mainOf(tileAt(el, 1)), 'focus on the moved tile');
      expect(status(el)).to.equal('Moved Photo 1 to position 2 of 6');
      await sendKeys({ down: 'Alt' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ up: 'Alt' });
      await settle(el);
      expect(captions(el)[4]).to.equal('Photo 1');
    } finally {
      seen.stop();
    }
  });

  it('a pointer drag moves a tile (no preview opens)', async () => {
    const el = await mount(html`<media-gallery interactive columns="3" .items=${items(6)}></media-gallery>`);
    const seen = recordCapture(['change', 'preview-open']);
    try {
      const from = tileAt(el, 0).getBoundingClientRect(), to = tileAt(el, 2).getBoundingClientRect();
      const c = (r: DOMRect) => [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] as [number, number];
      await sendMouse({ type: 'move', position: c(from) });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [c(from)[0] + 30, c(from)[1]] });
      await sendMouse({ type: 'move', position: c(to) });
      expect(tileAt(el, 2).hasAttribute('data-drop-target')).to.equal(true);
      await sendMouse({ type: 'up' });
      await settle(el);
      expect(captions(el).slice(0, 3)).to.deep.equal(['Photo 2', 'Photo 3', 'Photo 1']);
      expect(seen.map((x) => x.type)).to.deep.equal(['change']);
    } finally {
      seen.stop();
      await sendMouse({ type: 'move', position: [0, 0] });
    }
  });

  it('dragging near the bottom edge scrolls a virtualized grid, so a far place can be reached', async () => {
    const el = await mount(html`<media-gallery interactive columns="3" height="300" .items=${items(90)}></media-gallery>`);
    const scroller = q(el, '.scroller.bounded')!;
    const box = scroller.getBoundingClientRect();
    const from = tileAt(el, 0).getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(from.left + 20), Math.round(from.top + 20)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(from.left + 40), Math.round(from.top + 40)] });
    await sendMouse({ type: 'move', position: [Math.round(from.left + 40), Math.round(box.bottom - 8)] });
    await waitUntil(() => scroller.scrollTop > 1500, 'auto-scrolled', { timeout: 8000 });
    await sendMouse({ type: 'up' });
    await settle(el);
    const at = captions(el).indexOf('Photo 1');
    expect(at).to.be.greaterThan(10);
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  /** A synthetic pointer event as a finger sends it (as in a11y.test.ts). */
  const finger = (target: Element, type: string, x: number, y: number, id = 7) =>
    target.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', isPrimary: true, clientX: x, clientY: y, bubbles: true, composed: true, cancelable: true, button: 0, buttons: type === 'pointerup' ? 0 : 1 }));
  const centre = (t: Element) => { const r = t.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; };
  /** A `touchmove` as the browser sends it while a finger moves: whether the gallery cancelled it (no scroll). */
  const touchMoveCancelled = (target: Element) => !target.dispatchEvent(new Event('touchmove', { bubbles: true, composed: true, cancelable: true }));
  const LIFTED = 'Picked up Photo 1, position 1 of 6. Drag to move it; tap elsewhere or press Escape to cancel.';

  it('touch: a long press lifts a tile (raised, announced), the finger drags it, release drops it (change, no preview)', async () => {
    const el = await mount(html`<media-gallery interactive columns="3" .items=${items(6)}></media-gallery>`);
    const seen = recordCapture(['change', 'preview-open', 'select']);
    try {
      const tile = tileAt(el, 0), target = mainOf(tile), a = centre(tile), b = centre(tileAt(el, 2));
      finger(target, 'pointerdown', a.x, a.y);
      await waitUntil(() => tile.hasAttribute('data-lifted'), 'lifted by the long press');
      expect(getComputedStyle(tile).scale).to.equal('1.06');
      expect(getComputedStyle(tile).boxShadow).to.not.equal('none');
      // Only the lifted tile stops touch scrolling.
      expect(getComputedStyle(tile).touchAction).to.equal('none');
      expect(getComputedStyle(q(el, '.grid')!).touchAction).to.not.equal('none');
      expect(getComputedStyle(tileAt(el, 1)).touchAction).to.not.equal('none');
      await waitUntil(() => status(el) === LIFTED, 'announced');
      finger(target, 'pointermove', a.x + 20, a.y);
      expect(touchMoveCancelled(target), 'no scroll while dragging').to.equal(true);
      finger(target, 'pointermove', b.x, b.y);
      expect(tileAt(el, 2).hasAttribute('data-drop-target')).to.equal(true);
      finger(target, 'pointerup', b.x, b.y);
      target.click();
      await settle(el);
      expect(captions(el).slice(0, 3)).to.deep.equal(['Photo 2', 'Photo 3', 'Photo 1']);
      expect(seen.map((x) => x.type)).to.deep.equal(['change']);
      expect(seen[0].detail.items.map((x: GalleryItem) => x.caption)).to.deep.equal(captions(el));
      expect(status(el)).to.equal('Moved Photo 1 to position 3 of 6');
      expect(sr(el).querySelector('[data-lifted], [data-dragging]') === null).to.equal(true);
    } finally {
      seen.stop();
    }
  });

  it('touch: a finger that moves at once scrolls (nothing lifts, touchmove not cancelled); Escape puts a lifted tile back', async () => {
    const el = await mount(html`<media-gallery interactive columns="3" .items=${items(6)}></media-gallery>`);
    const seen = recordCapture(['change']);
    try {
      const t0 = tileAt(el, 0), t1 = tileAt(el, 1), a = centre(t0), b = centre(t1);
      finger(mainOf(t0), 'pointerdown', a.x, a.y);
      finger(mainOf(t0), 'pointermove', a.x, a.y - 30);
      expect(touchMoveCancelled(mainOf(t0)), 'the page scrolls').to.equal(false);
      finger(mainOf(t0), 'pointercancel', a.x, a.y - 30);
      // Wait for a long press started after it: by then the first one would have lifted too.
      finger(mainOf(t1), 'pointerdown', b.x, b.y, 8);
      await waitUntil(() => t1.hasAttribute('data-lifted'), 'the second, still press lifts');
      expect(t0.hasAttribute('data-lifted')).to.equal(false);
      expect(getComputedStyle(t0).touchAction).to.not.equal('none');
      finger(mainOf(t1), 'pointerup', b.x, b.y, 8);
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(t1.hasAttribute('data-lifted')).to.equal(false);
      expect(status(el)).to.equal('Move cancelled');
      expect(captions(el)).to.deep.equal(items(6).map((x) => x.caption));
      expect(seen).to.have.length(0);
    } finally {
      seen.stop();
    }
  });

  it('touch: let go in place, the tile stays lifted; a tap elsewhere puts it back (nothing opens); a new touch on it drags it', async () => {
    const el = await mount(html`<media-gallery interactive columns="3" .items=${items(6)}></media-gallery>`);
    const seen = recordCapture(['change', 'preview-open', 'select']);
    try {
      const t0 = tileAt(el, 0), t4 = tileAt(el, 4), a = centre(t0), e = centre(t4);
      finger(mainOf(t0), 'pointerdown', a.x, a.y);
      await waitUntil(() => t0.hasAttribute('data-lifted'), 'lifted');
      finger(mainOf(t0), 'pointerup', a.x, a.y);
      mainOf(t0).click();
      await settle(el);
      expect(t0.hasAttribute('data-lifted'), 'still lifted').to.equal(true);
      // A tap on another tile: put back, and the tap opens nothing.
      finger(mainOf(t4), 'pointerdown', e.x, e.y, 9);
      finger(mainOf(t4), 'pointerup', e.x, e.y, 9);
      mainOf(t4).click();
      await settle(el);
      expect(t0.hasAttribute('data-lifted')).to.equal(false);
      expect(status(el)).to.equal('Move cancelled');
      expect(seen).to.have.length(0);
      // Lift, let go, touch it again: it drags at once.
      finger(mainOf(t0), 'pointerdown', a.x, a.y, 10);
      await waitUntil(() => t0.hasAttribute('data-lifted'), 'lifted again');
      finger(mainOf(t0), 'pointerup', a.x, a.y, 10);
      finger(mainOf(t0), 'pointerdown', a.x, a.y, 11);
      finger(mainOf(t0), 'pointermove', a.x + 20, a.y + 20, 11);
      finger(mainOf(t0), 'pointermove', e.x, e.y, 11);
      finger(mainOf(t0), 'pointerup', e.x, e.y, 11);
      await settle(el);
      expect(captions(el)[4]).to.equal('Photo 1');
      expect(seen.map((x) => x.type)).to.deep.equal(['change']);
      expect(status(el)).to.equal('Moved Photo 1 to position 5 of 6');
    } finally {
      seen.stop();
    }
  });

  it('touch, real input (the browser\'s touch pipeline, not made-up events): a finger held on a tile lifts it, drags it two places on and drops it there; no preview, no context menu', async () => {
    const el = await mount(html`<media-gallery interactive columns="3" .items=${items(6)}></media-gallery>`);
    const seen = recordCapture(['change', 'preview-open', 'select']);
    const menus: Event[] = [];
    const onMenu = (e: Event) => menus.push(e);
    document.addEventListener('contextmenu', onMenu, true);
    try {
      const tile = tileAt(el, 0), a = centre(tile), b = centre(tileAt(el, 2));
      await executeServerCommand('touch', { type: 'start', x: a.x, y: a.y });
      await waitUntil(() => tile.hasAttribute('data-lifted'), 'lifted by the long press', { timeout: 3000 });
      await waitUntil(() => status(el) === LIFTED, 'announced');
      for (const f of [0.1, 0.25, 0.5, 0.75, 1]) await executeServerCommand('touch', { type: 'move', x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f });
      await waitUntil(() => tileAt(el, 2).hasAttribute('data-drop-target'), 'over the third tile');
      await executeServerCommand('touch', { type: 'end' });
      await waitUntil(() => seen.some((x) => x.type === 'change'), 'change fired');
      await settle(el);
      expect(captions(el).slice(0, 3)).to.deep.equal(['Photo 2', 'Photo 3', 'Photo 1']);
      expect(seen.map((x) => x.type)).to.deep.equal(['change']);
      expect(status(el)).to.equal('Moved Photo 1 to position 3 of 6');
      expect(menus.filter((e) => !e.defaultPrevented), 'no context menu shown').to.have.length(0);
    } finally {
      document.removeEventListener('contextmenu', onMenu, true);
      seen.stop();
    }
  });

  it('touch: dragging a lifted tile near the bottom edge scrolls a virtualized grid', async () => {
    const el = await mount(html`<media-gallery interactive columns="3" height="300" .items=${items(90)}></media-gallery>`);
    const scroller = q(el, '.scroller.bounded')!;
    const box = scroller.getBoundingClientRect();
    const t0 = tileAt(el, 0), target = mainOf(t0), a = centre(t0);
    finger(target, 'pointerdown', a.x, a.y);
    await waitUntil(() => t0.hasAttribute('data-lifted'), 'lifted');
    finger(target, 'pointermove', a.x, a.y + 30);
    finger(target, 'pointermove', a.x, box.bottom - 8);
    await waitUntil(() => scroller.scrollTop > 1500, 'auto-scrolled', { timeout: 8000 });
    finger(target, 'pointerup', a.x, box.bottom - 8);
    await settle(el);
    expect(captions(el).indexOf('Photo 1')).to.be.greaterThan(10);
  });

  it('F2 edits a caption inline: Enter commits (change), Escape cancels; focus returns to the tile', async () => {
    const el = await mount(html`<media-gallery interactive .items=${items(3)}></media-gallery>`);
    mainOf(tileAt(el, 1)).focus();
    const seen = recordCapture(['change']);
    try {
      await sendKeys({ press: 'F2' });
      await settle(el);
      const input = q<HTMLInputElement>(el, '[part=caption-editor]')!;
      expect(deepActive()).to.equal(input);
      expect(input.getAttribute('aria-label')).to.equal('Caption of Photo 2');
      await sendKeys({ type: 'Sunset' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(captions(el)).to.deep.equal(['Photo 1', 'Sunset', 'Photo 3']);
      expect(seen).to.have.length(1);
      expect(seen[0].detail.items[1].caption).to.equal('Sunset');
      expect(tileAt(el, 1).querySelector('[part=caption]')!.textContent).to.equal('Sunset');
      await waitUntil(() => deepActive() === mainOf(tileAt(el, 1)), 'focus back on the tile');
      await sendKeys({ press: 'F2' });
      await settle(el);
      await sendKeys({ type: 'nope' });
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(q(el, '[part=caption-editor]')).to.equal(null);
      expect(captions(el)[1]).to.equal('Sunset');
      expect(seen).to.have.length(1);
    } finally {
      seen.stop();
    }
  });

  it("pointer and touch users edit a caption with the tile's caption button (a real click; no preview opens)", async () => {
    const el = await mount(html`<media-gallery interactive .items=${items(3)}></media-gallery>`);
    const seen = recordCapture(['change', 'preview-open', 'select']);
    try {
      const tile = tileAt(el, 2);
      const button = tileButton(tile, 'caption-edit');
      expect(button.getAttribute('aria-label')).to.equal('Edit caption of Photo 3');
      tile.scrollIntoView({ block: 'center' });
      await new Promise((r) => requestAnimationFrame(r));
      const t = tile.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(t.left + t.width / 2), Math.round(t.top + t.height / 2)] });
      await waitUntil(() => button.getBoundingClientRect().width > 0 && getComputedStyle(button).visibility !== 'hidden', 'the button shows on hover');
      const b = button.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(b.left + b.width / 2), Math.round(b.top + b.height / 2)] });
      await settle(el);
      const input = q<HTMLInputElement>(el, '[part=caption-editor]')!;
      expect(input, 'the editor opens').to.exist;
      await waitUntil(() => deepActive() === input, 'the editor has focus');
      expect(input.value).to.equal('Photo 3');
      await sendKeys({ type: 'Harbour' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(captions(el)).to.deep.equal(['Photo 1', 'Photo 2', 'Harbour']);
      expect(seen.map((x) => x.type)).to.deep.equal(['change']);
      expect(status(el)).to.equal('Caption saved');
      await waitUntil(() => deepActive() === mainOf(tileAt(el, 2)), 'focus back on the tile');
      // Not in a disabled gallery, nor outside upload mode.
      el.disabled = true;
      await settle(el);
      expect(tileAt(el, 2).querySelector('[part~=caption-edit]')).to.equal(null);
      el.disabled = false;
      el.interactive = false;
      await settle(el);
      expect(tileAt(el, 2).querySelector('[part~=caption-edit]')).to.equal(null);
    } finally {
      seen.stop();
    }
  });

  it('the Delete key deletes the focused tile (cancelable) and focus moves to the neighbour', async () => {
    const el = await mount(html`<media-gallery interactive .items=${items(3)}></media-gallery>`);
    mainOf(tileAt(el, 1)).focus();
    const seen = recordCapture(['delete', 'change']);
    try {
      await sendKeys({ press: 'Delete' });
      await settle(el);
      expect(seen.map((x) => x.type)).to.deep.equal(['delete', 'change']);
      expect(seen[0].detail.index).to.equal(1);
      expect(captions(el)).to.deep.equal(['Photo 1', 'Photo 3']);
      await waitUntil(() => deepActive() === mainOf(tileAt(el, 1)), 'focus on the neighbour');
      const cancel = (e: Event) => e.preventDefault();
      document.addEventListener('delete', cancel, { capture: true });
      await sendKeys({ press: 'Delete' });
      document.removeEventListener('delete', cancel, { capture: true });
      await settle(el);
      expect(captions(el)).to.deep.equal(['Photo 1', 'Photo 3']);
    } finally {
      seen.stop();
    }
  });

  it('delete from the preview: the preview shows the neighbour', async () => {
    const el = await mount(html`<media-gallery interactive .items=${items(3)}></media-gallery>`);
    mainOf(tileAt(el, 1)).click();
    await settle(el);
    const p = q<GalleryPreview>(el, 'gallery-preview')!;
    await p.updateComplete;
    const seen = recordCapture(['delete', 'change']);
    try {
      p.shadowRoot!.querySelector<HTMLButtonElement>('[part~=delete]')!.click();
      await settle(el);
      expect(seen.map((x) => x.type)).to.deep.equal(['delete', 'change']);
      expect(captions(el)).to.deep.equal(['Photo 1', 'Photo 3']);
      expect(el.selectedIndex).to.equal(1);
      await p.updateComplete;
      expect(p.shadowRoot!.querySelector('.slide.current img')!.getAttribute('src')).to.equal(photo(PHOTOS[2]));
    } finally {
      seen.stop();
    }
  });
});

describe('upload mode: webcam (fake camera)', () => {
  before(() => setViewport({ width: 1200, height: 800 }));
  const video = (el: MediaGallery) => q<HTMLVideoElement>(el, '.webcam video');
  const running = async (el: MediaGallery) => {
    q(el, '[part~=webcam]')!.click();
    await waitUntil(() => (video(el)?.videoWidth ?? 0) > 0, 'camera frames', { timeout: 8000 });
  };

  it('mirrored by default (view and capture), constraints from JSON, capture adds an item', async function () {
    if (!navigator.mediaDevices?.getUserMedia) this.skip();
    const el = await mount(html`<media-gallery interactive webcam-constraints='{"width":320,"height":240}'></media-gallery>`);
    await running(el);
    const v = video(el)!;
    expect(getComputedStyle(v).transform).to.match(/^matrix\(-1, 0, 0, 1/);
    expect(v.videoWidth).to.equal(320);
    const seen = recordCapture(['upload']);
    try {
      q(el, '[part~=capture]')!.click();
      await waitUntil(() => seen.length === 1, 'upload from the camera');
      expect(seen[0].detail.files[0].type).to.equal('image/png');
      await settle(el);
      expect(video(el)).to.equal(null);
      expect(tiles(el)).to.have.length(1);
    } finally {
      seen.stop();
    }
  });

  it('webcam-mirror="false" is not mirrored; streaming fires stream {blob, width, height} every stream-every ms', async function () {
    if (!navigator.mediaDevices?.getUserMedia) this.skip();
    const el = await mount(html`<media-gallery interactive webcam-mirror="false" streaming stream-every="100" webcam-constraints='{"width":320,"height":240}'></media-gallery>`);
    const seen = recordCapture(['stream']);
    try {
      await running(el);
      expect(getComputedStyle(video(el)!).transform).to.equal('none');
      await waitUntil(() => seen.length >= 3, 'three frames', { timeout: 5000 });
      expect(seen[0].detail.blob).to.be.instanceOf(Blob);
      expect(seen[0].detail.blob.size).to.be.greaterThan(0);
      expect([seen[0].detail.width, seen[0].detail.height]).to.deep.equal([320, 240]);
      expect(seen.every((x) => x.event.target === el)).to.equal(true);
    } finally {
      seen.stop();
    }
  });

  it('the camera stops when the gallery is removed, and on a second press', async function () {
    if (!navigator.mediaDevices?.getUserMedia) this.skip();
    const el = await mount(html`<media-gallery interactive></media-gallery>`);
    await running(el);
    let stream = video(el)!.srcObject as MediaStream;
    q(el, '[part~=webcam]')!.click();
    expect(stream.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
    await settle(el);
    await running(el);
    stream = video(el)!.srcObject as MediaStream;
    el.remove();
    expect(stream.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
  });
});
