import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config';

/** Exit codes shared by the tools: 1 = the check found a problem, 2 = the tool could not or would not run. */
export const EXIT_FINDING = 1;
export const EXIT_REFUSED = 2;

/** A refusal the user can act on: printed as one line, no stack trace. */
export class CliRefusal extends Error {
  override name = 'CliRefusal';
}

/** Flags by node's parseArgs; a mistake prints what is wrong and the usage, never a stack trace. */
export function parseFlags<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    console.error((error as Error).message.replace(/\s*\n\s*/g, ' '));
    console.error(usage);
    process.exit(EXIT_REFUSED);
  }
}

/** The same configuration the service reads; each mistake named by variable. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(EXIT_REFUSED);
    }
    throw error;
  }
}

/** Runs a tool: refusals and failures become one line on stderr and a non-zero exit. */
export function runTool(name: string, main: () => Promise<number | void> | number | void): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => process.exit(code ?? 0),
      (error: Error) => {
        console.error(error instanceof CliRefusal ? `${name}: ${error.message}` : `${name} failed: ${error.message}`);
        process.exit(EXIT_REFUSED);
      },
    );
}
