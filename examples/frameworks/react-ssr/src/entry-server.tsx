import { renderToString } from 'react-dom/server';
import { App } from './App.js';

/** The app's HTML for `url`, as the client will hydrate it. */
export function render(url: string): string {
  return renderToString(<App initiallyShown={!new URL(url, 'http://x').search.includes('empty')} />);
}
