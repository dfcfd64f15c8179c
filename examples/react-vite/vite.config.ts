// A plain Vite app: its JSX compiled with React's automatic runtime, no plugin needed.
import { defineConfig } from 'vite';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
});
