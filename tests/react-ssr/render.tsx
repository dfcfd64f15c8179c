/**
 * The server half of tests/react-ssr.test.ts, run in its own Node process as a React server
 * would be: prints the rendered page, and one widget rendered with `reserve={false}`, as JSON.
 */
import { renderToString } from 'react-dom/server';
import { PhaseTracker } from '@tec/react';
import { App } from './app.js';

console.log(
  JSON.stringify({
    html: renderToString(<App api={process.argv[2]!} />),
    bare: renderToString(<PhaseTracker territory="roya" reserve={false} />),
  }),
);
