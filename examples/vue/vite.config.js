// The Vue example's build: Vue's own plugin, told that the vc-* tags are custom elements.
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('vc-') } } })],
});
