import type { ParCommands } from '../commands/parCommands';
import type { Actor } from '../events/envelope';
import type { EventStore } from '../events/store/eventStore';
import { quangNamAgencies } from './quangNamAgencies';
import { sampleFrameworks } from './sampleFrameworks';

const SEED_ACTOR: Actor = { sub: 'system:seed', name: 'PAR Ledger seed', agency: null, roles: ['ADMIN'] };

const agencyCommandId = (code: string) => `seed:agency:${code}`;
const frameworkCommandId = (code: string) => `seed:framework:${code}`;

/**
 * Seeds Quảng Nam's agencies and the sample criteria sets through ordinary commands, so they appear in the audit
 * trail like any other change. Command ids are fixed, so a seed interrupted half-way completes on the next start
 * without duplicating anything; a store that already holds other data is left alone.
 */
export async function seedIfEmpty(store: EventStore, commands: ParCommands, log: (m: string) => void = () => {}): Promise<boolean> {
  const first = agencyCommandId(quangNamAgencies[0].code);
  const last = frameworkCommandId(sampleFrameworks[sampleFrameworks.length - 1].code);
  const empty = (await store.headPosition()) === 0;
  const interrupted = !empty && (await store.findCommand(first)) !== null && (await store.findCommand(last)) === null;
  if (!empty && !interrupted) return false;

  const request = (commandId: string) => ({ actor: SEED_ACTOR, commandId });
  for (const agency of quangNamAgencies) await commands.registerAgency(request(agencyCommandId(agency.code)), agency);
  for (const framework of sampleFrameworks) await commands.publishFramework(request(frameworkCommandId(framework.code)), framework);
  log(`seeded ${quangNamAgencies.length} agencies and ${sampleFrameworks.length} sample frameworks`);
  return true;
}
