import { createLogger, exitOnSignals, runMain } from '@followups/kit';
import { loadConfig } from './config.js';
import { startAgent } from './service.js';

runMain(async () => {
  const config = loadConfig();
  const log = createLogger('agent', config.LOG_LEVEL, config.INSTANCE_ID);
  const agent = await startAgent({ config, log });
  exitOnSignals(log, agent.stop, config.SHUTDOWN_TIMEOUT_MS);
});
