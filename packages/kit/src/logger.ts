import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs to stdout, one child per service; secrets never reach the log. */
export function createLogger(service: string, level: string, instance?: string): Logger {
  return pino({
    level,
    base: { service, ...(instance ? { instance } : {}) },
    redact: {
      paths: ['*.password', '*.pass', '*.apiKey', '*.token', '*.ANTHROPIC_API_KEY', '*.TELEGRAM_API_HASH', '*.TELEGRAM_SESSION', 'DATABASE_URL', '*.DATABASE_URL', '*.SMTP_URL', '*.smtpUrl'],
      censor: '[redacted]',
    },
  });
}
