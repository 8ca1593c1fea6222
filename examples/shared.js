// Shared by the example pages (not part of the library): the example media as gallery
// items, the dark-mode toggle, and a notice when the element is not built yet.

/** The photos in examples/photos/ (MATE Backgrounds, GPL-2+: see photos/COPYRIGHT). */
export const photos = [
  ['LadyBird.jpg', 2560, 1600, 'Ladybird', 'A ladybird climbing a grass stem among small blue flowers'],
  ['Garden.jpg', 2560, 1600, 'Marigold', 'A red and yellow marigold in a garden'],
  ['Aqua.jpg', 2560, 1600, 'Water drop', 'A drop of water splashing into still grey-blue water'],
  ['Dune.jpg', 1680, 1050, 'Dune grass', 'Golden dune grass with the sea behind it'],
  ['TwoWings.jpg', 2560, 1600, 'Two wings', 'Two dandelion seeds against an orange background'],
  ['YellowFlower.jpg', 2560, 1600, 'Yellow flower', 'Close-up of a yellow daisy-like flower'],
  ['RainDrops.jpg', 1920, 1200, 'Rain drops', 'Rain drops on a green leaf'],
  ['Storm.jpg', 1920, 1280, 'Storm', 'Dark storm clouds over a flat landscape'],
  ['Elephants.jpg', 1920, 1080, 'Elephants', 'A painting of elephants in blue and orange swirls'],
  ['FreshFlower.jpg', 1600, 1203, 'Fresh flower', 'Close-up of an orange flower'],
  ['Blinds.jpg', 1920, 1200, 'Leaf ribs', 'The parallel ribs of a bright green leaf'],
  ['GreenMeadow.jpg', 1280, 1024, 'Green meadow', 'Young green grass blades'],
  ['Wood.jpg', 2560, 1920, 'Wood', 'Pale wooden planks in shallow focus'],
  ['Float-into-MATE.png', 1440, 900, 'Float into MATE', 'Bubbles rising in deep blue water'],
  ['GreenTraditional.jpg', 1900, 1200, 'Green traditional', 'The MATE logo in green on white'],
  ['Arc-Colors-Transparent-Wallpaper.png', 2140, 1200, 'Arc colours', 'A white shape on a transparent background'],
].map(([file, width, height, caption, alt]) => ({
  src: `photos/${file}`,
  width,
  height,
  caption,
  alt,
  download: file,
}));

/** The two clips in examples/video/ (made from the photos; same licence). */
export const videos = [
  {
    src: 'video/ladybird-pan.webm',
    type: 'video',
    width: 640,
    height: 400,
    caption: 'Ladybird (video, WebM)',
    alt: 'A slow zoom over the ladybird photo',
  },
  {
    src: 'video/storm-pan.mp4',
    type: 'video',
    width: 640,
    height: 426,
    caption: 'Storm (video, MP4)',
    alt: 'A slow zoom over the storm photo',
  },
];

/** `[...photos]` cycled to `count` items, with captions "Photo #n" (for long lists). */
export function cycledPhotos(count, source = photos) {
  return Array.from({ length: count }, (_, i) => {
    const p = source[i % source.length];
    return { ...p, id: `photo-${i + 1}`, caption: `Photo #${i + 1}`, alt: p.alt ?? p.caption };
  });
}

/**
 * The media pipeline's output (`npm start` runs it: examples/.prepared/gallery.json) as
 * items with absolute URLs, or null when it has not been made.
 */
export async function preparedItems(url = '.prepared/gallery.json') {
  try {
    const res = await fetch(url);
    if (!res.ok) return null;
    const data = await res.json();
    const list = Array.isArray(data) ? data : data?.items;
    if (!Array.isArray(list) || !list.length) return null;
    const base = new URL(url, document.baseURI);
    const abs = (u) => (u && !u.startsWith('data:') ? new URL(u, base).href : u);
    return list.map((item) => ({
      ...item,
      src: abs(item.src),
      thumb: abs(item.thumb),
      poster: abs(item.poster),
      srcset: item.srcset
        ?.split(',')
        .map((part) => {
          const [u, ...rest] = part.trim().split(/\s+/);
          return [abs(u), ...rest].join(' ');
        })
        .join(', '),
    }));
  } catch {
    return null;
  }
}

// ---- dark-mode toggle --------------------------------------------------------------

const KEY = 'media-gallery-examples-theme';
const sun =
  '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true"><circle cx="12" cy="12" r="4"/><path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"/></svg>';
const moon =
  '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z"/></svg>';
const systemDark = matchMedia('(prefers-color-scheme: dark)');

/** 'light' | 'dark' | null (follow the system). */
function storedTheme() {
  try {
    const t = localStorage.getItem(KEY);
    return t === 'light' || t === 'dark' ? t : null;
  } catch {
    return null;
  }
}

function effectiveTheme() {
  return storedTheme() ?? (systemDark.matches ? 'dark' : 'light');
}

/** Applies the chosen theme to the page (body class) and to every gallery (`theme`). */
export function applyTheme() {
  const chosen = storedTheme();
  document.body.classList.toggle('dark', chosen === 'dark');
  document.body.classList.toggle('light', chosen === 'light');
  for (const gallery of document.querySelectorAll('media-gallery')) {
    if (chosen) gallery.setAttribute('theme', chosen);
    else gallery.removeAttribute('theme');
  }
  const button = document.querySelector('.theme-toggle');
  if (button) {
    const dark = effectiveTheme() === 'dark';
    button.innerHTML = dark ? sun : moon;
    button.setAttribute('aria-label', dark ? 'Switch to light mode' : 'Switch to dark mode');
    button.title = button.getAttribute('aria-label');
    button.setAttribute('aria-pressed', String(dark));
  }
}

function toggleTheme() {
  const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
  try {
    // Back to "follow the system" when the choice matches it.
    if ((next === 'dark') === systemDark.matches) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, next);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  applyTheme();
}

document.querySelector('.theme-toggle')?.addEventListener('click', toggleTheme);
systemDark.addEventListener('change', applyTheme);
applyTheme();

// ---- "not built yet" notice ----------------------------------------------------------

const notice = document.querySelector('#not-built');
if (notice) {
  const timer = setTimeout(() => {
    if (!customElements.get('media-gallery')) notice.hidden = false;
  }, 2500);
  customElements.whenDefined('media-gallery').then(() => {
    clearTimeout(timer);
    notice.hidden = true;
  });
}
