import { defineConfig, mergeConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { baseline } from '../baseline.js';

// resolve.dedupe: `media-gallery/react` imports `react`; in this shared node_modules that
// must be this app's React 18, not the React 19 hoisted beside the package.
export default mergeConfig(defineConfig({ plugins: [react()], resolve: { dedupe: ['react', 'react-dom'] } }), baseline());
