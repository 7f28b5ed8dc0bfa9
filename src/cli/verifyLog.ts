import { readFileSync, writeFileSync } from 'node:fs';
import { verifyChain } from '../events/hashChain';
import { openEventStore } from '../stores';
import { CliRefusal, configOrExit, EXIT_FINDING, parseFlags, runTool } from './cliSupport';
import { describeEventStore, refuseAbsentEventStore, refuseEmptyEventStore } from './storeChecks';

const usage = `usage: npm run verify -- [--export FILE] [--compare FILE]
Recomputes the SHA-256 chain over the whole event log and reports the first broken link.
  --export FILE   also writes the head digest (position and hash) to FILE, to keep somewhere else
  --compare FILE  also checks that the event at the digest's position still has the digest's hash
Exit code: 0 intact, 1 broken or different from the digest, 2 could not check (missing or empty log, bad flags).`;

interface Digest {
  position: number;
  hash: string;
  exportedAt: string;
}

function readDigest(file: string): Digest {
  let digest: Partial<Digest>;
  try {
    digest = JSON.parse(readFileSync(file, 'utf8')) as Partial<Digest>;
  } catch (error) {
    throw new CliRefusal(`cannot read the digest ${file}: ${(error as Error).message}`);
  }
  if (!Number.isInteger(digest.position) || (digest.position as number) < 0 || typeof digest.hash !== 'string') {
    throw new CliRefusal(`${file} is not a digest written by --export (it needs a position and a hash)`);
  }
  return digest as Digest;
}

runTool('npm run verify', async () => {
  const { values } = parseFlags({ options: { export: { type: 'string' }, compare: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }, usage);
  if (values.help) return console.log(usage);
  const config = configOrExit();
  // Read before the log, so a wrong file name costs nothing.
  const expected = values.compare ? readDigest(values.compare) : null;
  refuseAbsentEventStore(config);
  const events = await openEventStore(config);
  let ok = true;
  try {
    await refuseEmptyEventStore(events, config);
    console.log(`checking ${describeEventStore(config)}`);
    const result = await verifyChain((after, limit) => events.readAll(after, limit));
    if (result.firstBreak) {
      ok = false;
      console.log(`BROKEN at position ${result.firstBreak.globalPosition}: ${result.firstBreak.reason} (${result.checked} events before it are intact)`);
    } else {
      console.log(`intact: ${result.checked} events, head hash ${result.headHash}`);
    }
    if (values.export) {
      const digest: Digest = { position: result.checked, hash: result.headHash, exportedAt: new Date().toISOString() };
      writeFileSync(values.export, `${JSON.stringify(digest, null, 2)}\n`);
      console.log(`digest written to ${values.export}`);
    }
    if (expected) {
      let actual: string | null = null;
      try {
        const [event] = expected.position > 0 ? await events.readAll(expected.position - 1, 1) : [];
        actual = event?.globalPosition === expected.position ? event.hash : null;
      } catch (error) {
        // A row too damaged to decode differs from any digest; the chain check above already named it.
        actual = `an unreadable event (${(error as Error).message})`;
      }
      if (expected.position > 0 && actual !== expected.hash) {
        ok = false;
        console.log(`DIFFERS from ${values.compare}: position ${expected.position} has ${actual ?? 'no event'}, digest says ${expected.hash}`);
      } else {
        console.log(`matches ${values.compare} (position ${expected.position}, exported ${expected.exportedAt})`);
      }
    }
  } finally {
    await events.close();
  }
  return ok ? 0 : EXIT_FINDING;
});
