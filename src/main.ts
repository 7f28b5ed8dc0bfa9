import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { startService } from './server';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`PAR Ledger cannot start: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const service = await startService(config);
  console.log(`PAR Ledger ready at ${service.url} (events: ${config.EVENT_STORE}, read models: ${config.READ_STORE}, data: ${config.PAR_DATA_DIR})`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    await service.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(`PAR Ledger failed to start: ${(error as Error).message}`);
  process.exit(1);
});
