import type { AssessmentEvent, Participant, RatingBand } from '../../src/events/parEvents';
import type { AssessmentContext } from '../../src/domain/assessment/assessmentDecider';
import { evolveAssessment, initialAssessment, type AssessmentState } from '../../src/domain/assessment/assessment';
import type { OpenedCycle } from '../../src/domain/cycle/cycle';
import type { Framework } from '../../src/domain/framework/framework';
import { normaliseFramework, type FrameworkInput } from '../../src/domain/framework/frameworkInput';

/** The fixed clock of every domain test. */
export const NOW = new Date('2025-03-01T00:00:00.000Z');
export const DAY = 24 * 60 * 60 * 1000;
export const daysFromNow = (days: number) => new Date(NOW.getTime() + days * DAY);

/** Registered agencies: SNV and STP appraise; the others are assessed. */
export const REGISTERED = new Set(['SNV', 'STP', 'SYT', 'SXD', 'BDT', 'CAT', 'BHXH']);
export const isRegistered = (code: string) => REGISTERED.has(code);

/**
 * A tiny department framework (maxima chosen so float drift would show):
 *   area 1 (appraiser SNV): 1.1 = 2.25; 1.2 → 1.2.1 = 0.1, 1.2.2 = 0.2 (appraiser STP)
 *   area 2 (no appraiser):  2.1 = 3.1234 (appraiser STP); 2.2 = 4.5 SURVEY
 * Total 10.1734.
 */
export const smallFrameworkInput = (): FrameworkInput => ({
  code: 'DEPT-2024',
  title: 'Bộ chỉ số CCHC sở, ban, ngành 2024 (mẫu)',
  group: 'DEPARTMENT',
  sample: true,
  methodology: 'QĐ 876/QĐ-BNV',
  areas: [
    {
      code: '1',
      title: 'Công tác chỉ đạo, điều hành',
      appraiserCode: 'SNV',
      criteria: [
        { code: '1.1', title: 'Kế hoạch CCHC', maxPoints: 2.25 },
        {
          code: '1.2',
          title: 'Báo cáo CCHC',
          children: [
            { code: '1.2.1', title: 'Báo cáo quý', maxPoints: 0.1 },
            { code: '1.2.2', title: 'Báo cáo năm', maxPoints: 0.2, appraiserCode: 'STP' },
          ],
        },
      ],
    },
    {
      code: '2',
      title: 'Xây dựng và thi hành VBQPPL',
      criteria: [
        { code: '2.1', title: 'Rà soát văn bản', maxPoints: 3.1234, appraiserCode: 'STP' },
        { code: '2.2', title: 'Mức độ hài lòng', maxPoints: 4.5, method: 'SURVEY' },
      ],
    },
  ],
});

export const smallFramework: Framework = normaliseFramework(smallFrameworkInput(), isRegistered);

/** Builds a framework from a flat list of leaves in one area appraised by SNV. */
export function flatFramework(code: string, leaves: { code: string; maxPoints: number; method?: 'SURVEY' }[]): Framework {
  return normaliseFramework(
    {
      code,
      title: `Khung ${code}`,
      group: 'DEPARTMENT',
      areas: [
        {
          code: '1',
          title: 'Lĩnh vực 1',
          appraiserCode: 'SNV',
          criteria: leaves.map((l) => ({ code: l.code, title: `Tiêu chí ${l.code}`, maxPoints: l.maxPoints, method: l.method ?? null })),
        },
      ],
    },
    isRegistered,
  );
}

export const PARTICIPANTS: Participant[] = [
  { code: 'SYT', name: 'Sở Y tế', group: 'DEPARTMENT' },
  { code: 'SXD', name: 'Sở Xây dựng', group: 'DEPARTMENT' },
  { code: 'BDT', name: 'Ban Dân tộc', group: 'DEPARTMENT' },
];

export const BANDS: RatingBand[] = [
  { label: 'Xuất sắc', minIndexPercent: 93 },
  { label: 'Tốt', minIndexPercent: 80 },
  { label: 'Khá', minIndexPercent: 65 },
];

/** The 2024 cycle: self-assessment closes 10 days after NOW, appraisal 40 days after NOW. */
export function openedCycle(overrides: Partial<OpenedCycle> = {}): OpenedCycle {
  return {
    year: 2024,
    frameworks: [{ group: 'DEPARTMENT', frameworkCode: smallFramework.code }],
    participants: PARTICIPANTS,
    selfAssessmentDeadline: daysFromNow(10).toISOString(),
    appraisalDeadline: daysFromNow(40).toISOString(),
    bands: BANDS,
    groupBands: [],
    endedDuringYear: [],
    proposed: {},
    published: {},
    scheduleAmendments: [],
    extensions: [],
    excluded: [],
    surveyWaivers: [],
    surveys: [],
    ...overrides,
  };
}

export function contextFor(agencyCode = 'SYT', overrides: Partial<AssessmentContext> = {}): AssessmentContext {
  return { cycle: openedCycle(), framework: smallFramework, agencyCode, now: NOW, ...overrides };
}

// ── event builders ─────────────────────────────────────────────────────────────────────────────────────────

export function selfSubmitted(
  agencyCode: string,
  scores: { criterionCode: string; points: number | null; applicable?: boolean; appraiserCode?: string | null }[],
  framework: Framework = smallFramework,
  type: 'SelfAssessmentSubmitted' | 'SelfAssessmentRevised' = 'SelfAssessmentSubmitted',
): AssessmentEvent {
  return {
    type,
    schemaVersion: 1,
    data: {
      year: 2024,
      agencyCode,
      group: 'DEPARTMENT',
      frameworkCode: framework.code,
      scores: scores.map((s) => ({
        criterionCode: s.criterionCode,
        applicable: s.applicable ?? true,
        points: s.points,
        explanation: s.applicable === false ? 'Không thuộc chức năng của đơn vị' : null,
        evidence: s.applicable === false ? [] : ['QĐ số 12/QĐ-SYT'],
        appraiserCode: s.appraiserCode ?? 'SNV',
      })),
    },
  };
}

export function appraised(agencyCode: string, criterionCode: string, round: 1 | 2, points: number | null, appraiserCode = 'SNV'): AssessmentEvent {
  return {
    type: 'CriterionAppraised',
    schemaVersion: 2,
    data: {
      year: 2024,
      agencyCode,
      criterionCode,
      round,
      applicable: points !== null,
      points,
      comment: points === null ? 'Không áp dụng' : null,
      appraiserCode,
      actingAgencyCode: appraiserCode,
    },
  };
}

export function surveyRecorded(agencyCode: string, scores: { criterionCode: string; points: number }[], surveyCode: string | null = null): AssessmentEvent {
  return { type: 'SurveyScoresRecorded', schemaVersion: 2, data: { year: 2024, agencyCode, scores, surveyCode } };
}

export function finalized(agencyCode: string, totalPoints: number, applicableMaxPoints: number): AssessmentEvent {
  return { type: 'AssessmentFinalized', schemaVersion: 1, data: { year: 2024, agencyCode, group: 'DEPARTMENT', totalPoints, applicableMaxPoints } };
}

export function assessmentOf(events: readonly AssessmentEvent[]): AssessmentState {
  return events.reduce((s, e) => evolveAssessment(s, e, '2025-02-01T00:00:00.000Z'), initialAssessment());
}

/**
 * A finalized assessment of a flat framework: `final` maps each leaf code to its final appraised (or survey)
 * points, or null for "not applicable" as judged by the appraiser.
 */
export function finalizedAssessment(agencyCode: string, framework: Framework, final: Record<string, number | null>): AssessmentState {
  const codes = Object.keys(final);
  const leafMethod = (code: string) => {
    const stack = framework.areas.flatMap((a) => a.criteria);
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.code === code) return node.method;
      stack.push(...node.children);
    }
    throw new Error(`no leaf ${code} in ${framework.code}`);
  };
  const selfCodes = codes.filter((c) => leafMethod(c) !== 'SURVEY');
  const surveyCodes = codes.filter((c) => leafMethod(c) === 'SURVEY');
  const events: AssessmentEvent[] = [
    selfSubmitted(
      agencyCode,
      selfCodes.map((c) => ({ criterionCode: c, points: final[c] ?? 0 })),
      framework,
    ),
    ...selfCodes.map((c) => appraised(agencyCode, c, 1, final[c])),
  ];
  if (surveyCodes.length > 0)
    events.push(
      surveyRecorded(
        agencyCode,
        surveyCodes.map((c) => ({ criterionCode: c, points: final[c] as number })),
      ),
    );
  events.push(finalized(agencyCode, 0, 0));
  return assessmentOf(events);
}
