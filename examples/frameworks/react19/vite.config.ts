import { defineConfig, mergeConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { baseline } from '../baseline.js';

export default mergeConfig(defineConfig({ plugins: [react()] }), baseline());
