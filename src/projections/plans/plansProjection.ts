import type { Duty } from '../../domain/duty/duty';
import { PLAN_EVENT_TYPES, type RecordedParEvent } from '../../events/parEvents';
import { defineProjection, type DocChange } from '../projection';
import type { PlanDocument } from './planDocument';
import { changeDuty, commentDuty, draftingDuty, isOpen, planDutyId, retask, taskDuties } from './planDuties';

export type { PlanDocument } from './planDocument';

type PlanEventRecord = Extract<RecordedParEvent, { type: (typeof PLAN_EVENT_TYPES)[number] }>;

const planCodeOf = (event: PlanEventRecord) => (event.type === 'PlanDrafted' ? event.data.code : event.data.planCode);

const mapDuties = (duties: Record<string, Duty>, change: (d: Duty) => Duty | null) =>
  Object.fromEntries(Object.entries(duties).map(([id, d]) => [id, change(d) ?? d]));

/** The plan after one of its events; null for an event on a plan never drafted (the decider never writes one). */
function next(plan: PlanDocument | null, event: PlanEventRecord): PlanDocument | null {
  const at = event.metadata.recordedAt;
  if (event.type === 'PlanDrafted') {
    const { code, kind, year, title, tasks } = event.data;
    const drafting = draftingDuty({ code, title }, at);
    return {
      code,
      kind,
      year,
      title,
      status: 'DRAFT',
      draftedAt: at,
      tasks: tasks.map((t) => ({ ...t, amendedAt: null })),
      commentRequests: [],
      comments: [],
      notifications: [],
      adoption: null,
      amendments: [],
      duties: { [drafting.id]: drafting },
    };
  }
  if (!plan) return null;
  switch (event.type) {
    case 'PlanCommentsRequested': {
      const { agencyCodes, dueAt } = event.data;
      const duties = { ...plan.duties };
      for (const code of agencyCodes) duties[planDutyId.comment(plan.code, code)] = commentDuty(plan, code, dueAt, at);
      const requests = agencyCodes.map((agencyCode) => ({ agencyCode, dueAt, requestedAt: at, commentedAt: null }));
      return { ...plan, commentRequests: [...plan.commentRequests, ...requests], duties };
    }
    case 'PlanCommentSubmitted': {
      const { agencyCode, text } = event.data;
      const id = planDutyId.comment(plan.code, agencyCode);
      const duty = plan.duties[id];
      return {
        ...plan,
        comments: [...plan.comments, { agencyCode, text, submittedAt: at }],
        commentRequests: plan.commentRequests.map((r) => (r.agencyCode === agencyCode && !r.commentedAt ? { ...r, commentedAt: at } : r)),
        duties: duty && isOpen(duty) ? { ...plan.duties, [id]: { ...duty, doneAt: at } } : plan.duties,
      };
    }
    case 'HigherLevelChangeNotified': {
      const { agencyCode, text, legalBasis } = event.data;
      // Named by the event's place in the plan's stream, not by a count in the document: a replay over a document
      // that already holds later notices must name the same duty (the runner then skips it).
      const duty = changeDuty(plan, event.streamVersion, agencyCode, at);
      return {
        ...plan,
        notifications: [...plan.notifications, { agencyCode, text, legalBasis, notifiedAt: at, consideredAt: null }],
        duties: { ...plan.duties, [duty.id]: duty },
      };
    }
    case 'PlanAdopted': {
      // Adoption ends the drafting and takes in the changes notified on the draft; comments not given by then are moot.
      const duties = mapDuties(plan.duties, (d) => {
        if (!isOpen(d)) return null;
        if (d.taskKind === 'PLAN_DRAFTING' || d.taskKind === 'HIGHER_LEVEL_CHANGE') return { ...d, doneAt: at };
        if (d.taskKind === 'PLAN_COMMENT') return { ...d, cancelledAt: at };
        return null;
      });
      for (const task of plan.tasks) for (const d of taskDuties(plan, task, at)) duties[d.id] = d;
      const { decisionNumber, decisionDate } = event.data;
      return {
        ...plan,
        status: 'ADOPTED',
        adoption: { decisionNumber, decisionDate, adoptedAt: at },
        notifications: plan.notifications.map((n) => ({ ...n, consideredAt: n.consideredAt ?? at })),
        duties,
      };
    }
    case 'PlanAmended': {
      const { reason, decisionNumber, decisionDate, tasks } = event.data;
      let duties = mapDuties(plan.duties, (d) => (d.taskKind === 'HIGHER_LEVEL_CHANGE' && isOpen(d) ? { ...d, doneAt: at } : null));
      for (const task of tasks) duties = retask(duties, plan, task, at);
      const amended = new Map(tasks.map((t) => [t.code, { ...t, amendedAt: at }]));
      const kept = plan.tasks.map((t) => amended.get(t.code) ?? t);
      const added = [...amended.values()].filter((t) => !plan.tasks.some((k) => k.code === t.code));
      return {
        ...plan,
        tasks: [...kept, ...added],
        notifications: plan.notifications.map((n) => ({ ...n, consideredAt: n.consideredAt ?? at })),
        amendments: [...plan.amendments, { reason, decisionNumber, decisionDate, amendedAt: at, taskCodes: tasks.map((t) => t.code) }],
        duties,
      };
    }
  }
}

/** PAR plans and programmes (Art. 3) by code, and the duties they make (DUTY_SOURCES). */
export const plansProjection = defineProjection({
  name: 'plans',
  version: 1,
  collections: [
    { name: 'plans', indexes: [['year']] },
    { name: 'planDuties', indexes: [['agencyCode']] },
  ],
  handles: PLAN_EVENT_TYPES,
  reads: (event) => [{ collection: 'plans', id: planCodeOf(event as PlanEventRecord) }],
  apply(event, docs) {
    const e = event as PlanEventRecord;
    const before = docs<PlanDocument>('plans', planCodeOf(e));
    const plan = next(before, e);
    if (!plan) return [];
    // Only the duties this event changed are written: the plan's document keeps them all.
    const changed: DocChange[] = Object.values(plan.duties)
      .filter((d) => before?.duties[d.id] !== d)
      .map((d) => ({ collection: 'planDuties', id: d.id, doc: d }));
    return [{ collection: 'plans', id: plan.code, doc: plan }, ...changed];
  },
});
