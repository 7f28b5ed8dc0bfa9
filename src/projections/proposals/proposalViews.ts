import type { CommendationDocument, OpinionEntry, ProposalDocument } from './proposalDocuments';

const at = (iso: string) => new Date(iso);
const maybe = (iso: string | null) => (iso === null ? null : new Date(iso));

/** An opinion as served: late when given after its deadline, or still missing past it at `now`. */
function opinionView(o: OpinionEntry, now: Date) {
  const due = Date.parse(o.dueAt);
  const late = o.givenAt !== null ? Date.parse(o.givenAt) > due : now.getTime() > due;
  return { ...o, askedAt: at(o.askedAt), dueAt: at(o.dueAt), givenAt: maybe(o.givenAt), late };
}

/** A proposal as the queries serve it, its opinions split into requested, given and missing. */
export function proposalView(p: ProposalDocument, now: Date) {
  const requested = p.opinions.map((o) => opinionView(o, now));
  return {
    ...p,
    submittedAt: at(p.submittedAt),
    opinions: { requested, given: requested.filter((o) => o.givenAt !== null), missing: requested.filter((o) => o.givenAt === null) },
    appraisal: p.appraisal && { ...p.appraisal, appraisedAt: at(p.appraisal.appraisedAt) },
    decision: p.decision && { ...p.decision, decidedAt: at(p.decision.decidedAt) },
  };
}

export function commendationView(c: CommendationDocument) {
  const plan = c.remedialPlan;
  return {
    ...c,
    proposedAt: at(c.proposedAt),
    remedialPlanDueAt: maybe(c.remedialPlanDueAt),
    remedialPlan: plan && {
      ...plan,
      actions: plan.actions.map((a) => ({ text: a.text, dueAt: maybe(a.dueAt) })),
      dueAt: at(plan.dueAt),
      submittedAt: at(plan.submittedAt),
      late: c.remedialPlanDueAt !== null && Date.parse(plan.submittedAt) > Date.parse(c.remedialPlanDueAt),
    },
  };
}
