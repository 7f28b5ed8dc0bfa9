import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './http/logger';
import { startService } from './server';

/** How long a stop may take (requests in flight, projections, stores) before the process gives up and exits. */
const STOP_DEADLINE_MS = 5000;
/**
 * Ctrl-C reaches `npm start` and the service together, and npm forwards it too: signals this close together are
 * one request to stop. A later one means "stop now".
 */
const SAME_SIGNAL_WINDOW_MS = 1000;

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`PAR Ledger cannot start: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

async function main() {
  const config = configOrExit();
  const logger = createLogger(config.LOG_LEVEL);
  const started = startService(config, { logger });
  let firstSignalAt: number | null = null;

  // Installed at once, so a signal during a slow start (a server store, a seed) also stops the process.
  const onSignal = (signal: NodeJS.Signals) => {
    const now = Date.now();
    if (firstSignalAt !== null) {
      if (now - firstSignalAt < SAME_SIGNAL_WINDOW_MS) return;
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    firstSignalAt = now;
    logger.info(`${signal}: stopping`);
    const deadline = setTimeout(() => {
      logger.error(`still stopping after ${STOP_DEADLINE_MS} ms: exiting`);
      process.exit(1);
    }, STOP_DEADLINE_MS);
    deadline.unref();
    // A stop during the start waits for the start (stores half-open are closed properly), within the same deadline.
    started
      .then((service) => service.stop())
      .then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: Error) => {
          logger.error(`stop failed: ${error.message}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const service = await started;
  logger.info(`PAR Ledger ready at ${service.url} (events: ${config.EVENT_STORE}, read models: ${config.READ_STORE}, data: ${config.PAR_DATA_DIR})`);
}

main().catch((error) => {
  console.error(`PAR Ledger failed to start: ${(error as Error).message}`);
  process.exit(1);
});
