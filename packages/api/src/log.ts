/** JSON lines on stdout; never personal data (no bodies, no e-mails, no query strings). */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(silent: boolean): Logger {
  const write = (level: string, message: string, fields: Record<string, unknown> = {}) => {
    process.stdout.write(
      `${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`,
    );
  };
  return {
    info: (message, fields) => {
      if (!silent) write('info', message, fields);
    },
    error: (message, fields) => write('error', message, fields),
  };
}
