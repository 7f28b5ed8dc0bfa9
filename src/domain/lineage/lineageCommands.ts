import type { AgencyGroup } from '../../events/parEvents';
import type { LegalBasisInput } from '../legalBasis';
import type { RegisteredUnit } from './lineage';

/** What every change names: when it takes effect and the decision it rests on. */
interface ChangeInput {
  effectiveFrom: Date | string;
  legalBasis: LegalBasisInput;
}

/** A unit a merger or split leads into: an existing code, or a new one with its name and group. */
export interface TargetInput {
  code: string;
  name?: string | null;
  group?: AgencyGroup | null;
  jurisdiction?: string | null;
}

/** The registrations (agency-<code> streams) of every code a command names, loaded by the handler; null: none. */
type Registrations = { registered: Readonly<Record<string, RegisteredUnit | null>> };

export type RenameAgency = ChangeInput & Registrations & { type: 'RenameAgency'; code: string; name: string };
export type MergeAgencies = ChangeInput & Registrations & { type: 'MergeAgencies'; sourceCodes: string[]; into: TargetInput };
export type SplitAgency = ChangeInput & Registrations & { type: 'SplitAgency'; sourceCode: string; into: TargetInput[] };
export type DissolveAgency = ChangeInput & Registrations & { type: 'DissolveAgency'; code: string; reason?: string | null };
export type MoveAgency = ChangeInput & Registrations & { type: 'MoveAgency'; code: string; group?: AgencyGroup | null; jurisdiction?: string | null };
export type RegisterJurisdiction = { type: 'RegisterJurisdiction'; code: string; name: string; activeFrom?: Date | string | null };
export type MergeJurisdictions = ChangeInput & { type: 'MergeJurisdictions'; sourceCodes: string[]; into: { code: string; name?: string | null } };

export type LineageCommand = RenameAgency | MergeAgencies | SplitAgency | DissolveAgency | MoveAgency | RegisterJurisdiction | MergeJurisdictions;

/** A command as it arrives, before the handler loaded the registrations it names. */
export type Unloaded<C> = C extends unknown ? Omit<C, 'registered'> : never;

/** Every agency code a command names, for the handler to load their registrations. */
export function agencyCodesOf(command: Unloaded<LineageCommand>): string[] {
  switch (command.type) {
    case 'RenameAgency':
    case 'DissolveAgency':
    case 'MoveAgency':
      return [command.code];
    case 'MergeAgencies':
      return [...command.sourceCodes, command.into.code];
    case 'SplitAgency':
      return [command.sourceCode, ...command.into.map((t) => t.code)];
    default:
      return [];
  }
}
