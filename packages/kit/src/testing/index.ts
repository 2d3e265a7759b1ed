export * from './nats-server.js';
export * from './postgres-server.js';
export * from './database.js';
export * from './test-bed.js';
export * from './wait.js';
export * from './collect.js';
export * from './config-error.js';
import { pino } from 'pino';

/** Silent unless TEST_LOG_LEVEL is set, e.g. `TEST_LOG_LEVEL=debug pnpm test`. */
export const testLogger = (service = 'test') => pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent', base: { service } });
export * from './fake-messages-api.js';
export * from './capture-log.js';
export * from './nats-cluster.js';
