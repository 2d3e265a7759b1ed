export { metrics, registry, timeClaude } from './metrics.js';
export { startHealthServer, type HealthCheck, type HealthServer, type HealthServerOptions } from './health-server.js';
export { natsCheck, postgresCheck, serveHealth } from './serve-health.js';
