import { hostname } from 'node:os';
import { z } from 'zod';
import { ConfigError } from './errors.js';

// For importers of this light entry point (`@followups/kit/config`) that only need the error class.
export { ConfigError, isConfigError } from './errors.js';

/** Variables every service reads. Compose them into a service's own schema with `.extend()`. */
export const baseEnvSchema = z.object({
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/followups'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Shown in logs, the NATS connection name and actions' histories; tells replicas apart. The
   * default is the host name and the process id: in containers every process is pid 1, but each
   * container has its own host name.
   */
  INSTANCE_ID: z.string().min(1).default(`${hostname()}-${process.pid}`),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** Replicas for each stream; 3 or 5 on a JetStream cluster. */
  JETSTREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  /** Serves `/healthz` and `/metrics` on this port; 0 (the default): not served. */
  HEALTH_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
});
export type BaseConfig = z.infer<typeof baseEnvSchema>;

/**
 * Parses the environment once, at the edge. A bad value throws a ConfigError naming every
 * offending variable; the result is frozen.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): Readonly<z.infer<S>> {
  // Treat empty strings as unset, as shells and compose files often pass them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(result.data);
}
