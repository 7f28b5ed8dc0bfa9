import { effectiveDeadline, type Schedule } from '../domain/cycle/schedule';
import { explanationDecidable, explanationDueAt } from '../domain/responsibility/explanationDuties';
import { appraisalOverdue, extensionsConcerning, isOverdue } from '../domain/responsibility/overdue';
import type { CycleDocument } from '../projections/cycles/cyclesProjection';
import type { CoordinatorDutiesDocument, ResponsibilityDocument } from '../projections/responsibilities/responsibilityDocument';

/** The agency as named in that year's cycle (names change), or its code when the cycle does not list it. */
function agencyOf(cycle: CycleDocument | null, code: string) {
  return cycle?.participants.find((p) => p.code === code) ?? { code, name: code, group: null };
}

/**
 * One agency's duties of one year as served: the document keeps the duties as scheduled, the cycle the year's
 * deadlines as amended and the extensions granted, so every effective deadline and "overdue" is computed here, now.
 */
export function presentResponsibility(d: ResponsibilityDocument, cycle: CycleDocument | null, now: Date) {
  const agencyCode = d.agencyCode;
  const schedule: Schedule = cycle ?? {
    selfAssessmentDeadline: d.selfAssessment?.deadline ?? d.appraisalDeadline,
    appraisalDeadline: d.appraisalDeadline,
    extensions: [],
  };
  const appraisedGroups = new Set(d.appraises.map((a) => a.group));
  const appraisedAgencies = new Set((cycle?.participants ?? []).filter((p) => appraisedGroups.has(p.group)).map((p) => p.code));
  const pendingAppraisals = d.pendingAppraisals.map((p) => ({
    ...p,
    deadline: effectiveDeadline(schedule, p.agencyCode, 'APPRAISAL'),
    overdue: appraisalOverdue(schedule, p.agencyCode, now),
  }));
  const selfDeadline = effectiveDeadline(schedule, agencyCode, 'SELF_ASSESSMENT');
  const explanationsToDecide = (d.explanationsToDecide ?? []).map((e) => ({
    ...e,
    effectiveDueAt: explanationDueAt(schedule, e.agencyCode, e.dueAt),
    decidable: explanationDecidable(schedule, e.agencyCode, e, now),
  }));
  const explaining = new Set(explanationsToDecide.map((e) => e.agencyCode));
  return {
    ...d,
    selfAssessment: d.selfAssessment && {
      ...d.selfAssessment,
      deadline: selfDeadline,
      // Closed either way: sent, or recorded as never sent (recordNonSubmission).
      overdue: isOverdue(selfDeadline, d.selfAssessment.submittedAt !== null || Boolean(d.selfAssessment.nonSubmission), now),
      nonSubmission: d.selfAssessment.nonSubmission ?? null,
    },
    appraisalDeadline: schedule.appraisalDeadline,
    pendingAppraisals,
    appraisalsOverdue: pendingAppraisals.some((p) => p.overdue),
    explanationsToAnswer: (d.explanationsToAnswer ?? []).map((e) => {
      const dueAt = explanationDueAt(schedule, agencyCode, e.dueAt);
      return { ...e, dueAt, overdue: isOverdue(dueAt, false, now) };
    }),
    explanationsToDecide,
    complaints: (d.complaints ?? []).map((c) => ({ ...c, status: c.outcome === null ? ('OPEN' as const) : ('RESOLVED' as const) })),
    adjustments: (d.adjustments ?? []).map((a) => ({
      ...a,
      status: a.acceptedPoints === null ? ('PROPOSED' as const) : a.acceptedPoints > 0 ? ('ACCEPTED' as const) : ('REJECTED' as const),
    })),
    extensions: extensionsConcerning(schedule.extensions, agencyCode, appraisedAgencies, explaining).map((e) => ({
      ...e,
      agency: agencyOf(cycle, e.agencyCode),
    })),
  };
}

/** The coordinating role's work list of a year, each item with its agency as named that year. */
export function presentCoordinatorDuties(d: CoordinatorDutiesDocument, cycle: CycleDocument | null) {
  return {
    year: d.year,
    complaintsToResolve: d.complaintsToResolve.map((c) => ({ ...c, agency: agencyOf(cycle, c.agencyCode) })),
    adjustmentsToDecide: d.adjustmentsToDecide.map((a) => ({ ...a, agency: agencyOf(cycle, a.agencyCode) })),
    assessmentsToFinalize: d.assessmentsToFinalize.map((a) => ({
      agency: agencyOf(cycle, a.agencyCode),
      group: a.group,
      reopenedAt: a.reopened?.reopenedAt ?? null,
      reopenReason: a.reopened?.reason ?? null,
    })),
  };
}
