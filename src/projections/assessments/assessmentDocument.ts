import type { AppraisalRecord, AssessmentState, AssessmentStatus, NonSubmission, SelfRecord } from '../../domain/assessment/assessment';
import { adjustedTotal, type AdjustmentCaps } from '../../domain/assessment/adjustments';
import { scoreAssessment } from '../../domain/assessment/scoring';
import type { ComplaintStatus, NotApplicableClaimStatus } from '../../domain/enums';
import { leafPaths } from '../../domain/framework/framework';
import { fromPoints, indexPercent, type Points } from '../../domain/points';
import { bandFor } from '../../domain/ranking/bands';
import type { AdjustmentKind, AgencyGroup, AreaDefinition, RatingBand, ScoringMethod } from '../../events/parEvents';

interface AppraisalView {
  round: number;
  applicable: boolean;
  points: number | null;
  comment: string | null;
  appraiserCode: string;
  actingAgencyCode: string;
  appraisedAt: string;
}

export interface CriterionView {
  code: string;
  title: string;
  areaCode: string;
  /** The criterion the leaf sits under, or its area for a leaf directly under an area. */
  parentCode: string;
  /** Codes from the area down to the leaf, inclusive. */
  path: string[];
  method: ScoringMethod;
  appraiserCode: string | null;
  maxPoints: number;
  selfPoints: number | null;
  appraisedPoints: number | null;
  surveyPoints: number | null;
  /** The recorded survey the survey points cite, or null. */
  surveyCode: string | null;
  finalPoints: number | null;
  applicable: boolean;
  notApplicableClaim: NotApplicableClaimStatus | null;
  explanation: string | null;
  evidence: string[];
  appraisals: AppraisalView[];
  draft: DraftView | null;
  explanationRequests: ExplanationView[];
}

/** A question between the appraisal rounds and the agency's answer (null fields until answered). */
interface ExplanationView {
  question: string;
  dueAt: string;
  requestedAt: string;
  answeredAt: string | null;
  text: string | null;
  evidence: string[];
  revisedPoints: number | null;
}

interface AreaView {
  code: string;
  title: string;
  points: number;
  maxPoints: number;
  indexPercent: number | null;
  selfPoints: number;
  appraisedPoints: number;
}

/** A saved, unsent self score (only the agency's drafts; a submission sends and clears them). */
interface DraftView {
  applicable: boolean;
  points: number | null;
  explanation: string | null;
  evidence: string[];
}

/** A bonus or penalty proposal as read: its points as decimals, the decision once made. */
export interface AdjustmentRecordView {
  id: string;
  kind: AdjustmentKind;
  proposedPoints: number;
  acceptedPoints: number | null;
  reason: string;
  evidence: string[];
  proposedBy: string | null;
  proposedAt: string;
  comment: string | null;
  decidedAt: string | null;
}

type AdjustmentView = AdjustmentRecordView & { status: 'PROPOSED' | 'ACCEPTED' | 'REJECTED' };

type ComplaintView = NonNullable<AssessmentState['complaints']>[number] & { status: ComplaintStatus };

/** One agency's assessment in one year, as it is read: the domain state plus its scoring, ready to serve. */
export interface AssessmentDocument {
  year: number;
  agencyCode: string;
  agencyName: string;
  group: AgencyGroup;
  frameworkCode: string;
  /** Version of the assessment stream, for clients that send `expectedVersion`. */
  version: number;
  status: AssessmentStatus;
  /** Final points + accepted bonus − accepted penalty, each capped. */
  totalPoints: number;
  bonusPoints: number;
  penaltyPoints: number;
  selfTotalPoints: number;
  applicableMaxPoints: number;
  indexPercent: number | null;
  band: RatingBand | null;
  areas: AreaView[];
  criteria: CriterionView[];
  submittedAt: string | null;
  finalizedAt: string | null;
  /** The recorded non-submission (reason, when, the deadline that had passed), or null. */
  nonSubmission: NonSubmission | null;
  /** Bonus and penalty proposals in the order proposed, with their decisions. */
  adjustments: AdjustmentView[];
  complaints: ComplaintView[];
  reopenings: NonNullable<AssessmentState['reopenings']>;
  updatedAt: string;
  /** Kept to re-score after each event; not served as such. */
  state: AssessmentState;
  frameworkAreas: AreaDefinition[];
  /** The framework's bonus and penalty caps; absent (0) in documents built before them. */
  adjustmentCaps?: AdjustmentCaps;
  bands: RatingBand[];
  /** The group's survey is waived this year (SurveyWaived): survey leaves are not applicable. Absent before waivers. */
  surveyWaived?: boolean;
}

const display = (p: Points | null) => (p === null ? null : fromPoints(p));

const appraisalView = (a: AppraisalRecord | null): AppraisalView[] =>
  a
    ? [
        {
          round: a.round,
          applicable: a.applicable,
          points: display(a.points),
          comment: a.comment,
          appraiserCode: a.appraiserCode,
          actingAgencyCode: a.actingAgencyCode ?? a.appraiserCode,
          appraisedAt: a.appraisedAt,
        },
      ]
    : [];

const draftView = (d: SelfRecord | undefined): DraftView | null =>
  d ? { applicable: d.applicable, points: display(d.points), explanation: d.explanation, evidence: d.evidence } : null;

type Served = ReturnType<typeof scored>;

/** The fields apply keeps up to date; present derives the others from them. */
export type AssessmentKept = Omit<AssessmentDocument, keyof Served>;

/**
 * The served fields, empty until present derives them, in the order scored() writes them: a new document holds
 * them from the start, so its keys (and its stored text) come in the same order however often it was presented
 * (a later field such as surveyWaived always follows them).
 */
const UNSCORED: Record<keyof Served, null> = {
  status: null,
  totalPoints: null,
  bonusPoints: null,
  penaltyPoints: null,
  selfTotalPoints: null,
  applicableMaxPoints: null,
  indexPercent: null,
  band: null,
  areas: null,
  criteria: null,
  submittedAt: null,
  finalizedAt: null,
  nonSubmission: null,
  adjustments: null,
  complaints: null,
  reopenings: null,
};

/** A new assessment document before present derives its served fields (cheap: nothing is scored). */
export function unscoredAssessment(base: AssessmentKept): AssessmentKept {
  return { ...base, ...UNSCORED };
}

/** Re-derives every served field from the state, so the document can never disagree with its own state. */
export function presentAssessment(base: AssessmentKept): AssessmentDocument {
  return { ...base, ...scored(base.state, base.frameworkAreas, base.bands, base.adjustmentCaps ?? NO_CAPS, base.surveyWaived ?? false) };
}

const NO_CAPS: AdjustmentCaps = { bonusMaxPoints: 0, penaltyMaxPoints: 0 };

function scored(state: AssessmentState, areas: AreaDefinition[], bands: RatingBand[], caps: AdjustmentCaps, surveyWaived: boolean) {
  const result = scoreAssessment(areas, state, { surveyWaived });
  const adjusted = adjustedTotal(result.totalPoints, result.applicableMaxPoints, state, caps);
  const paths = leafPaths(areas);
  const criteria: CriterionView[] = result.criteria.map((c) => {
    const record = state.leaves[c.code];
    const path = paths.get(c.code) ?? [c.areaCode, c.code];
    return {
      code: c.code,
      title: c.title,
      areaCode: c.areaCode,
      parentCode: path[path.length - 2],
      path,
      method: c.method,
      appraiserCode: c.appraiserCode,
      maxPoints: fromPoints(c.maxPoints),
      selfPoints: display(c.selfPoints),
      appraisedPoints: display(c.appraisedPoints),
      surveyPoints: display(c.surveyPoints),
      surveyCode: c.surveyCode,
      finalPoints: display(c.finalPoints),
      applicable: c.applicable,
      notApplicableClaim: c.claim,
      explanation: record?.self?.explanation ?? null,
      evidence: record?.self?.evidence ?? [],
      appraisals: [...appraisalView(record?.appraisals[0] ?? null), ...appraisalView(record?.appraisals[1] ?? null)],
      draft: draftView(state.draft?.[c.code]),
      explanationRequests: (record?.explanations ?? []).map((e) => ({ ...e, revisedPoints: display(e.revisedPoints) })),
    };
  });
  return {
    status: state.status,
    totalPoints: fromPoints(adjusted.totalPoints),
    bonusPoints: fromPoints(adjusted.bonusPoints),
    penaltyPoints: fromPoints(adjusted.penaltyPoints),
    selfTotalPoints: fromPoints(result.selfTotalPoints),
    applicableMaxPoints: fromPoints(result.applicableMaxPoints),
    indexPercent: indexPercent(adjusted.ratio),
    band: bandFor(adjusted.ratio, bands),
    areas: result.areas.map((a) => ({
      code: a.code,
      title: a.title,
      points: fromPoints(a.points),
      maxPoints: fromPoints(a.maxPoints),
      indexPercent: indexPercent(a.ratio),
      selfPoints: fromPoints(a.selfPoints),
      appraisedPoints: fromPoints(a.appraisedPoints),
    })),
    criteria,
    submittedAt: state.submittedAt,
    finalizedAt: state.finalizedAt,
    nonSubmission: state.nonSubmission ?? null,
    adjustments: (state.adjustments ?? []).map((a): AdjustmentView => ({
      ...a,
      proposedPoints: fromPoints(a.proposedPoints),
      acceptedPoints: display(a.acceptedPoints),
      status: a.acceptedPoints === null ? 'PROPOSED' : a.acceptedPoints > 0 ? 'ACCEPTED' : 'REJECTED',
    })),
    complaints: (state.complaints ?? []).map((c): ComplaintView => ({ ...c, status: c.outcome === null ? 'OPEN' : 'RESOLVED' })),
    reopenings: state.reopenings ?? [],
  };
}
