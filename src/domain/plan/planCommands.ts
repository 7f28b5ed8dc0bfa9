import type { LegalBasisInput } from '../legalBasis';
import type { PlanKind } from '../enums';

/** A task as SNV writes it into a plan or an amendment: agency codes for the lead and the coordinators. */
export interface PlanTaskInput {
  code: string;
  title: string;
  lead: string;
  coordinators?: string[] | null;
  dueAt: Date | string;
}

/** An agency a command names, as the handler found it: null when no such agency is registered. */
export type KnownAgency = { activeUntil: string | null } | null;

/** What the handler loads for every command that names agencies or deadlines: the agencies and the time of deciding. */
interface Loaded {
  now: Date;
  agencies: Readonly<Record<string, KnownAgency>>;
}

export type DraftPlan = Loaded & { type: 'DraftPlan'; code: string; kind: PlanKind; year: number; title: string; tasks: PlanTaskInput[] };
export type RequestPlanComments = Loaded & { type: 'RequestPlanComments'; planCode: string; agencyCodes: string[]; dueAt: Date | string };
export type SubmitPlanComment = { type: 'SubmitPlanComment'; planCode: string; agencyCode: string; text: string };
/** `agencyCode`: the notifying officer's agency (from the token). */
export type NotifyHigherLevelChange = {
  type: 'NotifyHigherLevelChange';
  planCode: string;
  agencyCode: string | null;
  text: string;
  legalBasis: LegalBasisInput;
};
export type AdoptPlan = { type: 'AdoptPlan'; planCode: string; decisionNumber: string; decisionDate: Date | string };
export type AmendPlan = Loaded & {
  type: 'AmendPlan';
  planCode: string;
  reason: string;
  decisionNumber: string;
  decisionDate: Date | string;
  tasks: PlanTaskInput[];
};

export type PlanCommand = DraftPlan | RequestPlanComments | SubmitPlanComment | NotifyHigherLevelChange | AdoptPlan | AmendPlan;

/** A command as it arrives, before the handler added the time and the agencies it names. */
export type Unloaded<C> = C extends unknown ? Omit<C, 'now' | 'agencies'> : never;

/** Every agency code a command names, for the handler to look up. */
export function agencyCodesOf(command: Unloaded<PlanCommand>): string[] {
  switch (command.type) {
    case 'DraftPlan':
    case 'AmendPlan':
      return command.tasks.flatMap((t) => [t.lead, ...(t.coordinators ?? [])]);
    case 'RequestPlanComments':
      return command.agencyCodes;
    default:
      return [];
  }
}
