import { appraisalAssignments } from '../../domain/framework/framework';
import type { AgencyGroup } from '../../events/parEvents';
import { defineProjection, type DocChange } from '../projection';

interface PendingAppraisal {
  agencyCode: string;
  criterionCode: string;
}

/** What one agency leads and owes in one cycle (Decision 2824, Art. 8–16): its self-assessment, its appraisals. */
export interface ResponsibilityDocument {
  year: number;
  agencyCode: string;
  selfAssessment: {
    group: AgencyGroup;
    frameworkCode: string;
    deadline: string;
    submittedAt: string | null;
    /** The coordinator recorded that nothing was sent: the duty is closed, not overdue (absent in older documents). */
    nonSubmission?: { reason: string; recordedAt: string } | null;
  } | null;
  appraises: { group: AgencyGroup; frameworkCode: string; criterionCodes: string[] }[];
  appraisalDeadline: string;
  /** Submitted criteria this agency appraises that have no appraisal yet, "not applicable" claims included. */
  pendingAppraisals: PendingAppraisal[];
  /** Criteria appraised at least once: a later revision of the self-assessment does not make them owed again. */
  appraised: PendingAppraisal[];
  /** The agency's own leaves with an unanswered explanation request (absent in documents built before them). */
  explanationsToAnswer?: ExplanationToAnswer[];
  /** Leaves this agency appraises with an explanation request and no round 2 yet: decide after the answer or dueAt. */
  explanationsToDecide?: ExplanationToDecide[];
}

interface ExplanationToAnswer {
  criterionCode: string;
  question: string;
  dueAt: string;
  appraiserCode: string;
}

interface ExplanationToDecide {
  agencyCode: string;
  criterionCode: string;
  dueAt: string;
  answeredAt: string | null;
}

interface AssignmentsDocument {
  frameworkCode: string;
  byAppraiser: Record<string, string[]>;
}

const responsibilityId = (year: number, agencyCode: string) => `${year}-${agencyCode}`;

export const responsibilitiesProjection = defineProjection({
  name: 'responsibilities',
  // 2: "not applicable" claims are pending for the appraiser; 3: explanation requests to answer and to decide;
  // 4: a recorded non-submission closes the self-assessment duty; 5: leaves given to another appraiser move.
  version: 5,
  collections: [
    { name: 'responsibilities', indexes: [['agencyCode', 'year']] },
    { name: 'responsibilityAssignments', indexes: [] },
  ],
  handles: [
    'FrameworkPublished',
    'AssessmentCycleOpened',
    'SelfAssessmentSubmitted',
    'SelfAssessmentRevised',
    'CriterionAppraised',
    'ExplanationRequested',
    'ExplanationSubmitted',
    'NonSubmissionRecorded',
    'AppraiserAssigned',
  ],
  reads(event) {
    switch (event.type) {
      case 'AssessmentCycleOpened':
        return event.data.frameworks.map((f) => ({ collection: 'responsibilityAssignments', id: f.frameworkCode }));
      case 'SelfAssessmentSubmitted':
      case 'SelfAssessmentRevised': {
        const codes = new Set([event.data.agencyCode, ...event.data.scores.map((s) => s.appraiserCode).filter((c): c is string => c !== null)]);
        return [...codes].map((code) => ({ collection: 'responsibilities', id: responsibilityId(event.data.year, code) }));
      }
      case 'CriterionAppraised':
        return [{ collection: 'responsibilities', id: responsibilityId(event.data.year, event.data.appraiserCode) }];
      case 'NonSubmissionRecorded':
        return [{ collection: 'responsibilities', id: responsibilityId(event.data.year, event.data.agencyCode) }];
      case 'AppraiserAssigned': {
        const codes = new Set([event.data.appraiserCode, ...event.data.criteria.map((c) => c.previousAppraiserCode).filter((c): c is string => c !== null)]);
        return [...codes].map((code) => ({ collection: 'responsibilities', id: responsibilityId(event.data.year, code) }));
      }
      case 'ExplanationRequested':
      case 'ExplanationSubmitted':
        return [
          { collection: 'responsibilities', id: responsibilityId(event.data.year, event.data.agencyCode) },
          { collection: 'responsibilities', id: responsibilityId(event.data.year, event.data.appraiserCode) },
        ];
      default:
        return [];
    }
  },
  apply(event, docs) {
    switch (event.type) {
      case 'FrameworkPublished': {
        const doc: AssignmentsDocument = { frameworkCode: event.data.code, byAppraiser: Object.fromEntries(appraisalAssignments(event.data.areas)) };
        return [{ collection: 'responsibilityAssignments', id: event.data.code, doc }];
      }
      case 'AssessmentCycleOpened': {
        const { year, frameworks, participants, selfAssessmentDeadline, appraisalDeadline } = event.data;
        const byAgency = new Map<string, ResponsibilityDocument>();
        const docFor = (agencyCode: string) => {
          let doc = byAgency.get(agencyCode);
          if (!doc) {
            doc = { year, agencyCode, selfAssessment: null, appraises: [], appraisalDeadline, pendingAppraisals: [], appraised: [] };
            byAgency.set(agencyCode, doc);
          }
          return doc;
        };
        for (const p of participants) {
          const frameworkCode = frameworks.find((f) => f.group === p.group)?.frameworkCode;
          if (frameworkCode) docFor(p.code).selfAssessment = { group: p.group, frameworkCode, deadline: selfAssessmentDeadline, submittedAt: null };
        }
        for (const { group, frameworkCode } of frameworks) {
          const assignments = docs<AssignmentsDocument>('responsibilityAssignments', frameworkCode);
          for (const [appraiser, criterionCodes] of Object.entries(assignments?.byAppraiser ?? {})) {
            docFor(appraiser).appraises.push({ group, frameworkCode, criterionCodes });
          }
        }
        return [...byAgency.values()].map((doc) => ({ collection: 'responsibilities', id: responsibilityId(year, doc.agencyCode), doc }));
      }
      case 'SelfAssessmentSubmitted':
      case 'SelfAssessmentRevised': {
        const { year, agencyCode, scores } = event.data;
        const changes: DocChange[] = [];
        const own = docs<ResponsibilityDocument>('responsibilities', responsibilityId(year, agencyCode));
        if (own?.selfAssessment && own.selfAssessment.submittedAt === null) {
          changes.push({
            collection: 'responsibilities',
            id: responsibilityId(year, agencyCode),
            doc: { ...own, selfAssessment: { ...own.selfAssessment, submittedAt: event.metadata.recordedAt } },
          });
        }
        const appraisers = new Map<string, ResponsibilityDocument>();
        for (const score of scores) {
          // A "not applicable" claim is owed too: the appraiser confirms or rejects it like any other leaf.
          if (!score.appraiserCode) continue;
          const id = responsibilityId(year, score.appraiserCode);
          // The agency may appraise its own leaves' area for others (its own are reassigned): build on the latest copy.
          const latest =
            appraisers.get(id) ??
            (changes.find((c) => c.id === id)?.doc as ResponsibilityDocument | undefined) ??
            docs<ResponsibilityDocument>('responsibilities', id);
          if (!latest) continue;
          const same = (p: PendingAppraisal) => p.agencyCode === agencyCode && p.criterionCode === score.criterionCode;
          if (latest.pendingAppraisals.some(same) || latest.appraised.some(same)) continue;
          appraisers.set(id, { ...latest, pendingAppraisals: [...latest.pendingAppraisals, { agencyCode, criterionCode: score.criterionCode }] });
        }
        for (const [id, doc] of appraisers) {
          const i = changes.findIndex((c) => c.id === id);
          if (i >= 0) changes.splice(i, 1);
          changes.push({ collection: 'responsibilities', id, doc });
        }
        return changes;
      }
      case 'CriterionAppraised': {
        const { year, agencyCode, criterionCode, appraiserCode } = event.data;
        const id = responsibilityId(year, appraiserCode);
        const current = docs<ResponsibilityDocument>('responsibilities', id);
        if (!current) return [];
        const same = (p: PendingAppraisal) => p.agencyCode === agencyCode && p.criterionCode === criterionCode;
        const pendingAppraisals = current.pendingAppraisals.filter((p) => !same(p));
        const appraised = current.appraised.some(same) ? current.appraised : [...current.appraised, { agencyCode, criterionCode }];
        // Round 2 decides the leaf after its explanation.
        const explanationsToDecide = (current.explanationsToDecide ?? []).filter((e) => event.data.round !== 2 || !same(e));
        return [{ collection: 'responsibilities', id, doc: { ...current, pendingAppraisals, appraised, explanationsToDecide } }];
      }
      case 'NonSubmissionRecorded': {
        const { year, agencyCode, reason } = event.data;
        const id = responsibilityId(year, agencyCode);
        const current = docs<ResponsibilityDocument>('responsibilities', id);
        if (!current?.selfAssessment) return [];
        const selfAssessment = { ...current.selfAssessment, nonSubmission: { reason, recordedAt: event.metadata.recordedAt } };
        return [{ collection: 'responsibilities', id, doc: { ...current, selfAssessment } }];
      }
      case 'AppraiserAssigned':
        return reassign(event.data, docs);
      case 'ExplanationRequested':
      case 'ExplanationSubmitted': {
        const { year, agencyCode, criterionCode, appraiserCode } = event.data;
        const agencyId = responsibilityId(year, agencyCode);
        const appraiserId = responsibilityId(year, appraiserCode);
        const agencyDoc = docs<ResponsibilityDocument>('responsibilities', agencyId);
        const appraiserDoc = docs<ResponsibilityDocument>('responsibilities', appraiserId);
        const toAnswer = (agencyDoc?.explanationsToAnswer ?? []).filter((e) => e.criterionCode !== criterionCode);
        const toDecide = (appraiserDoc?.explanationsToDecide ?? []).filter((e) => e.agencyCode !== agencyCode || e.criterionCode !== criterionCode);
        const requested = event.type === 'ExplanationRequested' ? event.data : null;
        const previous = appraiserDoc?.explanationsToDecide?.find((e) => e.agencyCode === agencyCode && e.criterionCode === criterionCode);
        const dueAt = requested?.dueAt ?? previous?.dueAt ?? '';
        const changes: DocChange[] = [];
        if (agencyDoc) {
          const explanationsToAnswer = requested ? [...toAnswer, { criterionCode, question: requested.question, dueAt, appraiserCode }] : toAnswer;
          changes.push({ collection: 'responsibilities', id: agencyId, doc: { ...agencyDoc, explanationsToAnswer } });
        }
        if (appraiserDoc) {
          const answeredAt = requested ? null : event.metadata.recordedAt;
          const explanationsToDecide = [...toDecide, { agencyCode, criterionCode, dueAt, answeredAt }];
          // An agency that appraises its own leaf is one document: keep both changes in it.
          const base = agencyId === appraiserId && changes[0] ? (changes.pop()!.doc as ResponsibilityDocument) : appraiserDoc;
          changes.push({ collection: 'responsibilities', id: appraiserId, doc: { ...base, explanationsToDecide } });
        }
        return changes;
      }
      default:
        return [];
    }
  },
});

/**
 * Leaves given to another appraiser (assignAppraiser): what the previous appraisers still owed on them (pending
 * appraisals, explanations to decide) moves to the named one, whose document is made if it had none.
 */
function reassign(
  data: { year: number; agencyCode: string; appraiserCode: string; criteria: { criterionCode: string; previousAppraiserCode: string | null }[] },
  docs: <T>(collection: string, id: string) => T | null,
): DocChange[] {
  const { year, agencyCode, appraiserCode } = data;
  const moved = new Set(data.criteria.map((c) => c.criterionCode));
  const isMoved = (p: { agencyCode: string; criterionCode: string }) => p.agencyCode === agencyCode && moved.has(p.criterionCode);
  const changed = new Map<string, ResponsibilityDocument>();
  const taken: { pending: PendingAppraisal[]; toDecide: ExplanationToDecide[] } = { pending: [], toDecide: [] };
  let appraisalDeadline: string | null = null;
  for (const previous of new Set(data.criteria.map((c) => c.previousAppraiserCode))) {
    if (previous === null || previous === appraiserCode) continue;
    const doc = docs<ResponsibilityDocument>('responsibilities', responsibilityId(year, previous));
    if (!doc) continue;
    appraisalDeadline ??= doc.appraisalDeadline;
    taken.pending.push(...doc.pendingAppraisals.filter(isMoved));
    taken.toDecide.push(...(doc.explanationsToDecide ?? []).filter(isMoved));
    changed.set(previous, {
      ...doc,
      pendingAppraisals: doc.pendingAppraisals.filter((p) => !isMoved(p)),
      explanationsToDecide: (doc.explanationsToDecide ?? []).filter((e) => !isMoved(e)),
    });
  }
  const target = docs<ResponsibilityDocument>('responsibilities', responsibilityId(year, appraiserCode)) ?? {
    year,
    agencyCode: appraiserCode,
    selfAssessment: null,
    appraises: [],
    appraisalDeadline: appraisalDeadline ?? '',
    pendingAppraisals: [],
    appraised: [],
  };
  changed.set(appraiserCode, {
    ...target,
    pendingAppraisals: [...target.pendingAppraisals.filter((p) => !isMoved(p)), ...taken.pending],
    explanationsToDecide: [...(target.explanationsToDecide ?? []).filter((e) => !isMoved(e)), ...taken.toDecide],
  });
  return [...changed].map(([code, doc]) => ({ collection: 'responsibilities', id: responsibilityId(year, code), doc }));
}
