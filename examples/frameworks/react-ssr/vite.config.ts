import { defineConfig, mergeConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { baseline } from '../baseline.js';

// `vite build --outDir dist/client` makes the client, `vite build --ssr src/entry-server.tsx
// --outDir dist/server` the server renderer; server.mjs serves both.
export default mergeConfig(defineConfig({ plugins: [react()] }), baseline());
