import { createApp } from 'vue';
import 'media-gallery/vue'; // registers the tags, types them in GlobalComponents
import App from './App.vue';

createApp(App).mount('#root');
