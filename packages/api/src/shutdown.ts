import type { Logger } from './log.js';

/**
 * On SIGTERM or SIGINT, runs `close` once (drain, then stop) and exits: 0 when it finished, 1
 * when it failed. For the processes that serve: `npm run api` and `npm start`.
 */
export function closeOnSignals(close: () => Promise<unknown>, log: Logger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('draining', { signal });
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
