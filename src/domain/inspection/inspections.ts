import type { InspectionEvent, PlannedInspection } from '../../events/parEvents';

export interface InspectionEntry extends PlannedInspection {
  year: number;
  issuingAgencyCode: string;
  recorded: { conductedOn: string; followUpDueAt: string } | null;
  /** The inspected agency reported the findings dealt with. */
  followUpDone: boolean;
}

/** The province's register of inspections, by code. */
export interface InspectionsState {
  inspections: Record<string, InspectionEntry>;
}

export const initialInspections = (): InspectionsState => ({ inspections: {} });

export function evolveInspections(state: InspectionsState, event: InspectionEvent): InspectionsState {
  switch (event.type) {
    case 'InspectionPlanIssued': {
      const { year, issuingAgencyCode } = event.data;
      const added = event.data.inspections.map((i) => [i.code, { ...i, year, issuingAgencyCode, recorded: null, followUpDone: false }] as const);
      return { inspections: { ...state.inspections, ...Object.fromEntries(added) } };
    }
    case 'InspectionRecorded': {
      const entry = state.inspections[event.data.code];
      if (!entry) return state;
      const recorded = { conductedOn: event.data.conductedOn, followUpDueAt: event.data.followUpDueAt };
      return { inspections: { ...state.inspections, [entry.code]: { ...entry, recorded } } };
    }
    case 'InspectionFollowUpReported': {
      const entry = state.inspections[event.data.code];
      if (!entry) return state;
      return { inspections: { ...state.inspections, [entry.code]: { ...entry, followUpDone: entry.followUpDone || event.data.done } } };
    }
  }
}
