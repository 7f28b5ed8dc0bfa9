import type { AdjustmentKind, AgencyGroup, AssessmentEvent, SelfScore } from '../../events/parEvents';
import type { AppraisalRound, AssessmentStatus, ComplaintOutcome } from '../enums';
import { toPoints, type Points } from '../points';

export type { AssessmentStatus };

export interface SelfRecord {
  applicable: boolean;
  points: Points | null;
  explanation: string | null;
  evidence: string[];
}

export interface AppraisalRecord {
  round: AppraisalRound;
  applicable: boolean;
  points: Points | null;
  comment: string | null;
  appraiserCode: string;
  /** Who acted for the agency of record (the unit it merged into, after a reorganisation). */
  actingAgencyCode: string;
  appraisedAt: string;
}

/** A question between the rounds and, once given, the agency's answer. */
interface ExplanationRecord {
  question: string;
  dueAt: string;
  requestedAt: string;
  answeredAt: string | null;
  text: string | null;
  evidence: string[];
  revisedPoints: Points | null;
}

interface LeafRecord {
  self: SelfRecord | null;
  /** Index 0 is round 1, index 1 round 2; the latest given round is final. */
  appraisals: (AppraisalRecord | null)[];
  survey: Points | null;
  /** The recorded survey the survey points cite; absent in documents built before surveys were described. */
  surveyCode?: string | null;
  /** Oldest first; only the latest can be open (unanswered). Absent in documents built before explanations. */
  explanations?: ExplanationRecord[];
}

/** One agency's assessment in one year: the write model, also carried in the read model. */
export interface AssessmentState {
  status: AssessmentStatus;
  group: AgencyGroup | null;
  frameworkCode: string | null;
  submittedAt: string | null;
  finalizedAt: string | null;
  leaves: Record<string, LeafRecord>;
  /** Saved, unsent self scores by leaf (SelfAssessmentDraftSaved); the next submission sends and clears them. */
  draft: Record<string, SelfRecord>;
  /** Set when the coordinator recorded that the agency sent nothing (NonSubmissionRecorded); absent before that rule. */
  nonSubmission?: NonSubmission | null;
  /** Bonus and penalty proposals in the order proposed, with their decisions; absent before that rule. */
  adjustments?: AdjustmentRecord[];
  /** Leaves the coordinator gave another appraiser (AppraiserAssigned), by leaf code; absent before that rule. */
  appraisers?: Record<string, string>;
  /** Complaints about the published result, oldest first; absent before that rule. */
  complaints?: ComplaintRecord[];
  /** Every reopening of the finalised assessment, oldest first; absent before that rule. */
  reopenings?: Reopening[];
}

/** An agency's complaint (khiếu nại) about a criterion's published result, with the coordinator's answer. */
interface ComplaintRecord {
  id: string;
  criterionCode: string;
  text: string;
  lodgedAt: string;
  /** When the publication it answers was issued. */
  publishedAt: string;
  outcome: ComplaintOutcome | null;
  comment: string | null;
  resolvedAt: string | null;
}

interface Reopening {
  reason: string;
  reopenedAt: string;
  /** The finalised result it reopened. */
  previousTotalPoints: number;
  previousApplicableMaxPoints: number;
}

/** A bonus or penalty proposal; acceptedPoints stays null until the coordinator decides (0 rejects). */
interface AdjustmentRecord {
  id: string;
  kind: AdjustmentKind;
  proposedPoints: Points;
  acceptedPoints: Points | null;
  reason: string;
  evidence: string[];
  proposedBy: string | null;
  proposedAt: string;
  comment: string | null;
  decidedAt: string | null;
}

/** The coordinator's record that the agency never submitted: its self-assessed leaves score 0. */
export interface NonSubmission {
  reason: string;
  recordedAt: string;
  /** The agency's effective self-assessment deadline that had passed. */
  deadline: string;
}

export const initialAssessment = (): AssessmentState => ({
  status: 'NOT_SUBMITTED',
  group: null,
  frameworkCode: null,
  submittedAt: null,
  finalizedAt: null,
  leaves: {},
  draft: {},
  nonSubmission: null,
});

const emptyLeaf = (): LeafRecord => ({ self: null, appraisals: [null, null], survey: null });

const exact = (points: number | null): Points | null => (points === null ? null : (toPoints(points) as Points));

const selfRecord = (s: SelfScore): SelfRecord => ({ applicable: s.applicable, points: exact(s.points), explanation: s.explanation, evidence: s.evidence });

function withLeaf(state: AssessmentState, code: string, change: (leaf: LeafRecord) => LeafRecord): AssessmentState {
  const current = state.leaves[code] ?? emptyLeaf();
  return { ...state, leaves: { ...state.leaves, [code]: change(current) } };
}

/** `recordedAt` comes from the envelope: the time belongs to the record, not to the fact's payload. */
export function evolveAssessment(state: AssessmentState, event: AssessmentEvent, recordedAt: string): AssessmentState {
  switch (event.type) {
    case 'SelfAssessmentDraftSaved': {
      const draft = { ...state.draft };
      for (const s of event.data.scores) draft[s.criterionCode] = selfRecord(s);
      return {
        ...state,
        status: state.status === 'NOT_SUBMITTED' ? 'DRAFT' : state.status,
        group: event.data.group,
        frameworkCode: event.data.frameworkCode,
        draft,
      };
    }
    case 'SelfAssessmentSubmitted':
    case 'SelfAssessmentRevised': {
      let next: AssessmentState = {
        ...state,
        status: state.status === 'NOT_SUBMITTED' || state.status === 'DRAFT' ? 'SUBMITTED' : state.status,
        group: event.data.group,
        frameworkCode: event.data.frameworkCode,
        submittedAt: state.submittedAt ?? recordedAt,
        // A submission sends the draft with it (the decider merged it into the event), so nothing stays unsent.
        draft: {},
      };
      for (const s of event.data.scores) next = withLeaf(next, s.criterionCode, (leaf) => ({ ...leaf, self: selfRecord(s) }));
      return next;
    }
    case 'CriterionAppraised':
    case 'AppraisalCorrected': {
      const d = event.data;
      const record: AppraisalRecord = {
        round: d.round,
        applicable: d.applicable,
        points: exact(d.points),
        comment: d.comment,
        appraiserCode: d.appraiserCode,
        actingAgencyCode: d.actingAgencyCode ?? d.appraiserCode,
        appraisedAt: recordedAt,
      };
      const next = withLeaf(state, d.criterionCode, (leaf) => {
        const appraisals = [...leaf.appraisals];
        appraisals[d.round - 1] = record;
        return { ...leaf, appraisals };
      });
      return { ...next, status: state.status === 'FINALIZED' ? 'FINALIZED' : 'UNDER_APPRAISAL' };
    }
    case 'SurveyScoresRecorded': {
      let next = state;
      const surveyCode = event.data.surveyCode;
      for (const s of event.data.scores) next = withLeaf(next, s.criterionCode, (leaf) => ({ ...leaf, survey: exact(s.points), surveyCode }));
      return next;
    }
    case 'ExplanationRequested': {
      const { criterionCode, question, dueAt } = event.data;
      const request: ExplanationRecord = { question, dueAt, requestedAt: recordedAt, answeredAt: null, text: null, evidence: [], revisedPoints: null };
      return withLeaf(state, criterionCode, (leaf) => ({ ...leaf, explanations: [...(leaf.explanations ?? []), request] }));
    }
    case 'ExplanationSubmitted': {
      const { criterionCode, text, evidence, revisedPoints } = event.data;
      return withLeaf(state, criterionCode, (leaf) => {
        const explanations = [...(leaf.explanations ?? [])];
        const last = explanations.length - 1;
        if (last >= 0) explanations[last] = { ...explanations[last], answeredAt: recordedAt, text, evidence, revisedPoints: exact(revisedPoints) };
        return { ...leaf, explanations };
      });
    }
    case 'NonSubmissionRecorded': {
      // A saved draft was never sent: it stays on record as the agency left it but counts for nothing (status
      // goes back to NOT_SUBMITTED, scoring ignores drafts, and the agency may no longer send it).
      const { group, frameworkCode, reason, deadline } = event.data;
      return { ...state, status: 'NOT_SUBMITTED', group, frameworkCode, nonSubmission: { reason, recordedAt, deadline } };
    }
    case 'AdjustmentProposed': {
      const d = event.data;
      const proposal: AdjustmentRecord = {
        id: d.adjustmentId,
        kind: d.kind,
        proposedPoints: exact(d.points) as Points,
        acceptedPoints: null,
        reason: d.reason,
        evidence: d.evidence,
        proposedBy: d.proposedBy,
        proposedAt: recordedAt,
        comment: null,
        decidedAt: null,
      };
      return { ...state, adjustments: [...(state.adjustments ?? []), proposal] };
    }
    case 'AdjustmentDecided': {
      const d = event.data;
      const adjustments = (state.adjustments ?? []).map((a) =>
        a.id === d.adjustmentId ? { ...a, acceptedPoints: exact(d.acceptedPoints), comment: d.comment, decidedAt: recordedAt } : a,
      );
      return { ...state, adjustments };
    }
    case 'AppraiserAssigned': {
      const appraisers = { ...state.appraisers };
      for (const c of event.data.criteria) appraisers[c.criterionCode] = event.data.appraiserCode;
      return { ...state, appraisers };
    }
    case 'ComplaintLodged': {
      const { complaintId, criterionCode, text, publishedAt } = event.data;
      const complaint: ComplaintRecord = {
        id: complaintId,
        criterionCode,
        text,
        lodgedAt: recordedAt,
        publishedAt,
        outcome: null,
        comment: null,
        resolvedAt: null,
      };
      return { ...state, complaints: [...(state.complaints ?? []), complaint] };
    }
    case 'ComplaintResolved': {
      const { complaintId, outcome, comment } = event.data;
      const complaints = (state.complaints ?? []).map((c) => (c.id === complaintId ? { ...c, outcome, comment, resolvedAt: recordedAt } : c));
      return { ...state, complaints };
    }
    case 'AssessmentReopened': {
      const { reason, previousTotalPoints, previousApplicableMaxPoints } = event.data;
      const reopening: Reopening = { reason, reopenedAt: recordedAt, previousTotalPoints, previousApplicableMaxPoints };
      return { ...state, status: 'UNDER_APPRAISAL', finalizedAt: null, reopenings: [...(state.reopenings ?? []), reopening] };
    }
    case 'AssessmentFinalized':
      return { ...state, status: 'FINALIZED', group: event.data.group, finalizedAt: recordedAt };
  }
}

/** Whether the assessment was reopened and is not finalised again yet: corrections are open past the appraisal deadline. */
export function isReopened(state: AssessmentState): boolean {
  return state.status !== 'FINALIZED' && (state.reopenings?.length ?? 0) > 0;
}

/** The leaf's latest explanation request while it is unanswered, else null. */
export function openExplanation(leaf: LeafRecord | undefined): ExplanationRecord | null {
  const last = leaf?.explanations?.at(-1) ?? null;
  return last && last.answeredAt === null ? last : null;
}

export function latestAppraisal(leaf: LeafRecord | undefined): AppraisalRecord | null {
  if (!leaf) return null;
  return leaf.appraisals[1] ?? leaf.appraisals[0] ?? null;
}
