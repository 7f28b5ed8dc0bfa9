import type { ProvincialIndexEvent } from '../../events/parEvents';

/** The province's assessment of a year as its stream records it. */
export interface ProvincialAssessmentState {
  frameworkCode: string | null;
  /** Per criterion: the department asked, by when, and what it provided. */
  criteria: Record<string, { agencyCode: string; dueAt: string; value: number | null; providedAt: string | null }>;
  compiledAt: string | null;
  nationalResult: { indexPercent: number; rank: number; ofProvinces: number; decisionNumber: string } | null;
}

export const initialProvincialAssessment = (): ProvincialAssessmentState => ({ frameworkCode: null, criteria: {}, compiledAt: null, nationalResult: null });

export function evolveProvincialAssessment(state: ProvincialAssessmentState, event: ProvincialIndexEvent, recordedAt: string): ProvincialAssessmentState {
  switch (event.type) {
    case 'CriterionDataRequested': {
      const criteria = { ...state.criteria };
      for (const code of event.data.criterionCodes)
        criteria[code] = { agencyCode: event.data.agencyCode, dueAt: event.data.dueAt, value: null, providedAt: null };
      return { ...state, frameworkCode: event.data.frameworkCode, criteria };
    }
    case 'CriterionDataProvided': {
      const asked = state.criteria[event.data.criterionCode];
      return { ...state, criteria: { ...state.criteria, [event.data.criterionCode]: { ...asked, value: event.data.value, providedAt: recordedAt } } };
    }
    case 'ProvincialAssessmentCompiled':
      return { ...state, compiledAt: recordedAt };
    case 'NationalResultRecorded': {
      const { year: _year, ...result } = event.data;
      return { ...state, nationalResult: result };
    }
  }
}
