/** The browser half of tests/react-ssr.test.ts: hydrates what the server rendered. */
import { hydrateRoot } from 'react-dom/client';
import { App } from './app.js';

const root = document.getElementById('root')!;
hydrateRoot(root, <App api={root.dataset.api!} />, {
  onRecoverableError: (error) => console.error('recoverable', error),
});
