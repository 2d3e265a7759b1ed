import { createLogger, exitOnSignals, runMain } from '@followups/kit';
import { loadConfig } from './config.js';
import { startGateway } from './service.js';

runMain(async () => {
  const config = loadConfig();
  const log = createLogger('gateway', config.LOG_LEVEL, config.INSTANCE_ID);
  const gateway = await startGateway({ config, log });
  exitOnSignals(log, gateway.stop, config.SHUTDOWN_TIMEOUT_MS);
});
