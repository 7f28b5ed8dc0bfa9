import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { verifyChain } from '../events/hashChain';
import { openStores } from '../stores';

const usage = `usage: npm run verify -- [--export FILE] [--compare FILE]
Recomputes the SHA-256 chain over the whole event log and reports the first broken link.
  --export FILE   also writes the head digest (position and hash) to FILE, to keep somewhere else
  --compare FILE  also checks that the event at the digest's position still has the digest's hash`;

interface Digest {
  position: number;
  hash: string;
  exportedAt: string;
}

async function main() {
  const { values } = parseArgs({ options: { export: { type: 'string' }, compare: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) return console.log(usage);
  const config = loadConfig();
  const { events, readStore } = await openStores(config);
  let ok = true;
  try {
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
    if (values.compare) {
      const digest = JSON.parse(readFileSync(values.compare, 'utf8')) as Digest;
      const [event] = digest.position > 0 ? await events.readAll(digest.position - 1, 1) : [];
      const actual = event?.globalPosition === digest.position ? event.hash : null;
      if (digest.position > 0 && actual !== digest.hash) {
        ok = false;
        console.log(`DIFFERS from ${values.compare}: position ${digest.position} has ${actual ?? 'no event'}, digest says ${digest.hash}`);
      } else {
        console.log(`matches ${values.compare} (position ${digest.position}, exported ${digest.exportedAt})`);
      }
    }
  } finally {
    await readStore.close();
    await events.close();
  }
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : `verify failed: ${(error as Error).message}`);
  process.exit(2);
});
