import { appraisalAssignments } from '../../domain/framework/framework';
import type { ParEventData } from '../../events/parEvents';
import type { DocChange } from '../projection';
import {
  RESPONSIBILITIES,
  agencyChange,
  agencyDoc,
  coordinatorChange,
  emptyResponsibility,
  responsibilityId,
  type Docs,
  type PendingAppraisal,
} from './responsibilityDocument';
import { toDecideOf, type KeptResponsibility } from './keptResponsibility';

/** Which leaves each appraising agency appraises in a framework, kept for the cycles that use it. */
interface AssignmentsDocument {
  frameworkCode: string;
  byAppraiser: Record<string, string[]>;
}

export const ASSIGNMENTS = 'responsibilityAssignments';

export function frameworkPublished(data: ParEventData<'FrameworkPublished'>): DocChange[] {
  const doc: AssignmentsDocument = { frameworkCode: data.code, byAppraiser: Object.fromEntries(appraisalAssignments(data.areas)) };
  return [{ collection: ASSIGNMENTS, id: data.code, doc }];
}

/** Each participant owes its self-assessment, each appraising agency its leaves; the coordinator finalises them all. */
export function cycleOpened(data: ParEventData<'AssessmentCycleOpened'>, docs: Docs): DocChange[] {
  const { year, frameworks, participants, selfAssessmentDeadline, appraisalDeadline } = data;
  const byAgency = new Map<string, KeptResponsibility>();
  const docFor = (agencyCode: string) => {
    let doc = byAgency.get(agencyCode);
    if (!doc) byAgency.set(agencyCode, (doc = emptyResponsibility(year, agencyCode, appraisalDeadline)));
    return doc;
  };
  const assessed = participants.filter((p) => frameworks.some((f) => f.group === p.group));
  for (const p of assessed) {
    const frameworkCode = frameworks.find((f) => f.group === p.group)!.frameworkCode;
    docFor(p.code).selfAssessment = { group: p.group, frameworkCode, deadline: selfAssessmentDeadline, submittedAt: null };
  }
  for (const { group, frameworkCode } of frameworks) {
    const assignments = docs<AssignmentsDocument>(ASSIGNMENTS, frameworkCode);
    for (const [appraiser, criterionCodes] of Object.entries(assignments?.byAppraiser ?? {})) {
      docFor(appraiser).appraises.push({ group, frameworkCode, criterionCodes });
    }
  }
  const coordinator = coordinatorChange({
    year,
    complaintsToResolve: [],
    adjustmentsToDecide: [],
    assessmentsToFinalize: assessed.map((p) => ({ agencyCode: p.code, group: p.group, reopened: null })),
  });
  return [...[...byAgency.values()].map(agencyChange), coordinator];
}

/** The sender's duty is done; each leaf it sent (a "not applicable" claim too) is owed by the leaf's appraiser. */
export function selfAssessmentSent(data: ParEventData<'SelfAssessmentSubmitted' | 'SelfAssessmentRevised'>, recordedAt: string, docs: Docs): DocChange[] {
  const { year, agencyCode, scores } = data;
  const changed = new Map<string, KeptResponsibility>();
  const own = agencyDoc(docs, year, agencyCode);
  if (own?.selfAssessment && own.selfAssessment.submittedAt === null) {
    changed.set(agencyCode, { ...own, selfAssessment: { ...own.selfAssessment, submittedAt: recordedAt } });
  }
  // Each appraiser's new pairs are gathered, then appended at once (one copy of its last chunk, not one per leaf).
  const added = new Map<string, PendingAppraisal[]>();
  for (const score of scores) {
    if (!score.appraiserCode) continue;
    // The agency may appraise its own leaves' area for others (its own are reassigned): build on the latest copy.
    const latest = changed.get(score.appraiserCode) ?? agencyDoc(docs, year, score.appraiserCode);
    if (!latest) continue;
    const { criterionCode } = score;
    const fresh = added.get(score.appraiserCode) ?? [];
    if (latest.pendingAppraisals.holds(agencyCode, criterionCode) || latest.appraised.holds(agencyCode, criterionCode)) continue;
    if (fresh.some((p) => p.criterionCode === criterionCode)) continue;
    fresh.push({ agencyCode, criterionCode });
    added.set(score.appraiserCode, fresh);
    changed.set(score.appraiserCode, latest);
  }
  for (const [appraiser, fresh] of added) {
    const latest = changed.get(appraiser)!;
    changed.set(appraiser, { ...latest, pendingAppraisals: latest.pendingAppraisals.appended(fresh) });
  }
  return [...changed.values()].map(agencyChange);
}

/**
 * The appraiser's leaf is no longer owed; round 2 also settles the leaf's explanation request, for the appraiser
 * (nothing left to decide) and for the agency (nothing left to answer, even when its time ran out unanswered).
 */
export function criterionAppraised(data: ParEventData<'CriterionAppraised'>, docs: Docs): DocChange[] {
  const { year, agencyCode, criterionCode, appraiserCode, round } = data;
  const current = agencyDoc(docs, year, appraiserCode);
  if (!current) return [];
  const pendingAppraisals = current.pendingAppraisals.without(agencyCode, criterionCode);
  const appraised = current.appraised.holds(agencyCode, criterionCode) ? current.appraised : current.appraised.appended([{ agencyCode, criterionCode }]);
  const explanationsToDecide = round === 2 ? toDecideOf(current).without(agencyCode, criterionCode) : toDecideOf(current);
  const appraiserDoc: KeptResponsibility = { ...current, pendingAppraisals, appraised, explanationsToDecide };
  if (round !== 2) return [agencyChange(appraiserDoc)];
  const agency = agencyCode === appraiserCode ? appraiserDoc : agencyDoc(docs, year, agencyCode);
  const asked = agency?.explanationsToAnswer ?? [];
  if (!agency || !asked.some((e) => e.criterionCode === criterionCode)) return [agencyChange(appraiserDoc)];
  const settled = { ...agency, explanationsToAnswer: asked.filter((e) => e.criterionCode !== criterionCode) };
  return agencyCode === appraiserCode ? [agencyChange(settled)] : [agencyChange(appraiserDoc), agencyChange(settled)];
}

export function nonSubmissionRecorded(data: ParEventData<'NonSubmissionRecorded'>, recordedAt: string, docs: Docs): DocChange[] {
  const { year, agencyCode, reason } = data;
  const current = agencyDoc(docs, year, agencyCode);
  if (!current?.selfAssessment) return [];
  const selfAssessment = { ...current.selfAssessment, nonSubmission: { reason, recordedAt } };
  return [agencyChange({ ...current, selfAssessment })];
}

export const refsForSubmission = (data: ParEventData<'SelfAssessmentSubmitted' | 'SelfAssessmentRevised'>) => {
  const codes = new Set([data.agencyCode, ...data.scores.map((s) => s.appraiserCode).filter((c): c is string => c !== null)]);
  return [...codes].map((code) => ({ collection: RESPONSIBILITIES, id: responsibilityId(data.year, code) }));
};
