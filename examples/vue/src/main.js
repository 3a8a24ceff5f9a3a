import { createApp } from 'vue';
import 'vc-phone/vc-phone.js'; // defines every <vc-*> tag
import App from './App.vue';

createApp(App).mount('#app');
