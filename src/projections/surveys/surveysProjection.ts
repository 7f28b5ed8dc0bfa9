import type { AgencyGroup } from '../../events/parEvents';
import { defineProjection } from '../projection';

/** A score that cites the survey: the latest survey score of that agency's leaf, while it cites this survey. */
interface CitingScore {
  agencyCode: string;
  criterionCode: string;
  points: number;
}

interface SurveyView {
  group: AgencyGroup;
  code: string;
  title: string;
  conductedBy: string;
  respondents: number;
  reportReference: string;
  conductedAt: string;
  recordedAt: string;
  /** Sorted by agency code, then criterion code. */
  scores: CitingScore[];
}

/** The surveys of one year with the scores citing them; one document per cycle, so a score moving between surveys is one write. */
export interface SurveysDocument {
  year: number;
  /** Participants with the names valid that year, to show who a score is about. */
  agencies: Record<string, { name: string; group: AgencyGroup }>;
  /** Sorted by code. */
  surveys: SurveyView[];
}

const id = (year: number) => String(year);

const byKey = (a: CitingScore, b: CitingScore) =>
  a.agencyCode === b.agencyCode ? (a.criterionCode < b.criterionCode ? -1 : 1) : a.agencyCode < b.agencyCode ? -1 : 1;

export const surveysProjection = defineProjection({
  name: 'surveys',
  version: 1,
  collections: [{ name: 'surveys', indexes: [['year']] }],
  handles: ['AssessmentCycleOpened', 'SurveyRecorded', 'SurveyScoresRecorded'],
  reads: (event) => (event.type === 'SurveyRecorded' || event.type === 'SurveyScoresRecorded' ? [{ collection: 'surveys', id: id(event.data.year) }] : []),
  apply(event, docs) {
    switch (event.type) {
      case 'AssessmentCycleOpened': {
        const { year, participants } = event.data;
        const agencies = Object.fromEntries(participants.map((p) => [p.code, { name: p.name, group: p.group }]));
        return [{ collection: 'surveys', id: id(year), doc: { year, agencies, surveys: [] } satisfies SurveysDocument }];
      }
      case 'SurveyRecorded': {
        const current = docs<SurveysDocument>('surveys', id(event.data.year));
        if (!current) return [];
        const { year: _year, ...survey } = event.data;
        const surveys = [...current.surveys, { ...survey, recordedAt: event.metadata.recordedAt, scores: [] }].sort((a, b) => (a.code < b.code ? -1 : 1));
        return [{ collection: 'surveys', id: id(event.data.year), doc: { ...current, surveys } satisfies SurveysDocument }];
      }
      case 'SurveyScoresRecorded': {
        const current = docs<SurveysDocument>('surveys', id(event.data.year));
        if (!current) return [];
        const { agencyCode, scores, surveyCode } = event.data;
        // A newer score of a leaf replaces the older one wherever it was cited (or cites nothing any more).
        const replaced = new Set(scores.map((s) => s.criterionCode));
        const surveys = current.surveys.map((survey) => {
          const kept = survey.scores.filter((s) => s.agencyCode !== agencyCode || !replaced.has(s.criterionCode));
          const added = survey.code === surveyCode ? scores.map((s) => ({ agencyCode, criterionCode: s.criterionCode, points: s.points })) : [];
          return { ...survey, scores: [...kept, ...added].sort(byKey) };
        });
        return [{ collection: 'surveys', id: id(event.data.year), doc: { ...current, surveys } satisfies SurveysDocument }];
      }
      default:
        return [];
    }
  },
});
