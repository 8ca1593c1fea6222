import { defineConfig, mergeConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { isCustomElement } from 'media-gallery/vue';
import { baseline } from '../baseline.js';

export default mergeConfig(defineConfig({ plugins: [vue({ template: { compilerOptions: { isCustomElement } } })] }), baseline());
