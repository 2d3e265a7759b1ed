import { createLogger, exitOnSignals, runMain } from '@followups/kit';
import { loadConfig } from './config.js';
import { startDispatcher } from './service.js';

runMain(async () => {
  const config = loadConfig();
  const log = createLogger('dispatcher', config.LOG_LEVEL, config.INSTANCE_ID);
  const dispatcher = await startDispatcher({ config, log });
  exitOnSignals(log, dispatcher.stop, config.SHUTDOWN_TIMEOUT_MS);
});
