import { eventRecorder } from './recordedEvents';
import { foldProjection } from '../../src/projections/asOf';
import { surveysProjection, type SurveysDocument } from '../../src/projections/surveys/surveysProjection';

const recorded = eventRecorder({ start: '2026-11-30T00:00:00.000Z', stepMs: 86_400_000 });

const survey = (code: string) => ({
  year: 2026,
  group: 'DISTRICT' as const,
  code,
  title: `Khảo sát ${code}`,
  conductedBy: 'Viện Nghiên cứu Phát triển',
  respondents: 500,
  reportReference: `Báo cáo ${code}`,
  conductedAt: '2026-11-01T00:00:00.000Z',
});
const scores = (agencyCode: string, points: number, surveyCode: string | null) =>
  recorded('SurveyScoresRecorded', { year: 2026, agencyCode, scores: [{ criterionCode: '8.3', points }], surveyCode });

describe('surveys projection', () => {
  it('lists the year’s surveys by code, each with the latest score of every leaf that cites it', () => {
    const docs = foldProjection(surveysProjection, [
      recorded('AssessmentCycleOpened', {
        year: 2026,
        frameworks: [{ group: 'DISTRICT', frameworkCode: 'F' }],
        participants: [
          { code: 'TAMKY', name: 'UBND Thành phố Tam Kỳ', group: 'DISTRICT' },
          { code: 'HOIAN', name: 'UBND Thành phố Hội An', group: 'DISTRICT' },
        ],
        selfAssessmentDeadline: '2027-01-15T00:00:00.000Z',
        appraisalDeadline: '2027-03-15T00:00:00.000Z',
        bands: [],
        groupBands: [],
        endedDuringYear: [],
      }),
      recorded('SurveyRecorded', survey('KS-B')),
      recorded('SurveyRecorded', survey('KS-A')),
      scores('TAMKY', 1, 'KS-A'),
      scores('HOIAN', 1.5, 'KS-A'),
      scores('TAMKY', 1.25, 'KS-B'), // Tam Kỳ's leaf now cites the other survey
      scores('HOIAN', 1.75, null), // Hội An's latest score cites none
      scores('TAMKY', 1.5, 'KS-B'), // and replaces its own earlier score under the same survey
    ]);
    const doc = docs.get('surveys/2026') as SurveysDocument;
    expect(doc.surveys.map((s) => [s.code, s.recordedAt, s.scores])).toEqual([
      ['KS-A', '2026-12-03T00:00:00.000Z', []],
      ['KS-B', '2026-12-02T00:00:00.000Z', [{ agencyCode: 'TAMKY', criterionCode: '8.3', points: 1.5 }]],
    ]);
    expect(doc.agencies.HOIAN).toEqual({ name: 'UBND Thành phố Hội An', group: 'DISTRICT' });
  });

  it('ignores surveys and scores of a year without a cycle', () => {
    const docs = foldProjection(surveysProjection, [recorded('SurveyRecorded', survey('KS-A')), scores('TAMKY', 1, 'KS-A')]);
    expect(docs.size).toBe(0);
  });
});
