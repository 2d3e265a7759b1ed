import { createLogger, exitOnSignals, runMain } from '@followups/kit';
import { loadConfig } from './config.js';
import { startScheduler } from './service.js';

runMain(async () => {
  const config = loadConfig();
  const log = createLogger('scheduler', config.LOG_LEVEL, config.INSTANCE_ID);
  const scheduler = await startScheduler({ config, log });
  exitOnSignals(log, scheduler.stop, config.SHUTDOWN_TIMEOUT_MS);
});
