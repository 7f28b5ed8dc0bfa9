import type { NewEvent } from '../envelope';

// The provincial-assessment-<year> stream: the province's own self-assessment against the national criteria set
// (Decision 2824, Art. 7 and 9(2)–14(2), 16(3)): SNV asks the departments for their criteria's data, compiles it and
// records what the ministry published.

type CriterionDataRequested = NewEvent<
  'CriterionDataRequested',
  { year: number; frameworkCode: string; agencyCode: string; criterionCodes: string[]; dueAt: string }
>;
type CriterionDataProvided = NewEvent<
  'CriterionDataProvided',
  { year: number; agencyCode: string; criterionCode: string; value: number; evidence: string[]; note: string | null }
>;
type ProvincialAssessmentCompiled = NewEvent<
  'ProvincialAssessmentCompiled',
  {
    year: number;
    frameworkCode: string;
    criteria: { criterionCode: string; agencyCode: string; value: number | null }[];
    /** Criteria asked for that no department provided by then. */
    missing: string[];
  }
>;
type NationalResultRecorded = NewEvent<
  'NationalResultRecorded',
  { year: number; indexPercent: number; rank: number; ofProvinces: number; decisionNumber: string }
>;

export type ProvincialIndexEvent = CriterionDataRequested | CriterionDataProvided | ProvincialAssessmentCompiled | NationalResultRecorded;
