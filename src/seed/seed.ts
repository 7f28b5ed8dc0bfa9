import type { ParCommands } from '../commands/parCommands';
import type { Actor } from '../events/envelope';
import type { EventStore } from '../events/store/eventStore';
import { quangNamAgencies } from './quangNamAgencies';
import { quangNamReorganisation, type ReorganisationStep } from './quangNamReorganisation';
import { coordinationAgencies, regulationMatrix } from './regulationMatrix';
import { sampleFrameworks } from './sampleFrameworks';

const SEED_ACTOR: Actor = { sub: 'system:seed', name: 'PAR Ledger seed', agency: null, roles: ['ADMIN'] };

const agencyCommandId = (code: string) => `seed:agency:${code}`;
const frameworkCommandId = (code: string) => `seed:framework:${code}`;
const reorganisationCommandId = (index: number) => `seed:reorganisation:${index}`;
const matrixCommandId = (code: string) => `seed:matrix:${code}`;

/** Records one step of the reorganisation through its mutation's command (sources stay in the seed file). */
function reorganise(commands: ParCommands, request: { actor: Actor; commandId: string }, step: ReorganisationStep) {
  const { kind: _kind, sources: _sources, ...input } = step;
  switch (step.kind) {
    case 'registerJurisdiction':
      return commands.lineage.registerJurisdiction(request, input as Omit<typeof step, 'kind' | 'sources'>);
    case 'mergeJurisdictions':
      return commands.lineage.mergeJurisdictions(request, input as Omit<typeof step, 'kind' | 'sources'>);
    case 'mergeAgencies':
      return commands.lineage.mergeAgencies(request, input as Omit<typeof step, 'kind' | 'sources'>);
    case 'dissolveAgency':
      return commands.lineage.dissolveAgency(request, input as Omit<typeof step, 'kind' | 'sources'>);
  }
}

/**
 * Seeds Quảng Nam's agencies of 2018–2024, the sample criteria sets, (unless told not to) the 2025 reorganisation,
 * and Decision 2824's matrix of who leads and coordinates (with UBND and TTHCC, which take part but are not
 * ranked), through ordinary commands, so they appear in the audit trail like any other change. Command ids are
 * fixed, so a seed interrupted half-way completes on the next start without duplicating anything; a store that
 * already holds other data is left alone.
 */
export async function seedIfEmpty(
  store: EventStore,
  commands: ParCommands,
  log: (m: string) => void = () => {},
  options: { reorganisation?: boolean } = {},
): Promise<boolean> {
  const reorganisation = options.reorganisation ?? true;
  const first = agencyCommandId(quangNamAgencies[0].code);
  const last = matrixCommandId(regulationMatrix[regulationMatrix.length - 1].code);
  const empty = (await store.headPosition()) === 0;
  const interrupted = !empty && (await store.findCommand(first)) !== null && (await store.findCommand(last)) === null;
  if (!empty && !interrupted) return false;

  const request = (commandId: string) => ({ actor: SEED_ACTOR, commandId });
  for (const agency of quangNamAgencies) await commands.registerAgency(request(agencyCommandId(agency.code)), agency);
  for (const framework of sampleFrameworks) await commands.publishFramework(request(frameworkCommandId(framework.code)), framework);
  if (reorganisation) await seedReorganisation(commands);
  for (const agency of coordinationAgencies) await commands.registerAgency(request(agencyCommandId(agency.code)), { ...agency, jurisdiction: 'QNA' });
  for (const row of regulationMatrix) await commands.assignments.assignResponsibility(request(matrixCommandId(row.code)), row);
  log(
    `seeded ${quangNamAgencies.length + coordinationAgencies.length} agencies, ${sampleFrameworks.length} sample frameworks, ` +
      `${regulationMatrix.length} responsibilities of Decision 2824` +
      (reorganisation ? ` and ${quangNamReorganisation.length} reorganisation steps of 2025` : ''),
  );
  return true;
}

/** The 2025 reorganisation alone, for logs seeded without it (idempotent: fixed command ids). */
export async function seedReorganisation(commands: ParCommands): Promise<void> {
  for (const [i, step] of quangNamReorganisation.entries()) await reorganise(commands, { actor: SEED_ACTOR, commandId: reorganisationCommandId(i) }, step);
}
