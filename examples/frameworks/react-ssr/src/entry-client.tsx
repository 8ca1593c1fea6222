import { hydrateRoot } from 'react-dom/client';
import { App } from './App.js';

hydrateRoot(document.getElementById('root')!, <App initiallyShown={!location.search.includes('empty')} />, {
  onRecoverableError: (error) => console.error('hydration:', error),
});
