// Vue's template compiler is told that tec-* tags are custom elements: it leaves them to the
// browser instead of looking for Vue components of that name (and warning).
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    vue({
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('tec-') } },
    }),
  ],
});
