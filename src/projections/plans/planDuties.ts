import type { Duty } from '../../domain/duty/duty';
import { PLAN_DRAFTER } from '../../domain/plan/plan';
import type { PlanTask } from '../../events/parEvents';
import type { PlanDocument } from './planDocument';

// The duties a plan makes (Art. 3), kept in the plan's document and written out for `responsibilities`/`workload`.

const BASIS = {
  drafting: 'QĐ 2824/QĐ-UBND, Điều 3 khoản 1 điểm a',
  adjustment: 'QĐ 2824/QĐ-UBND, Điều 3 khoản 1 điểm b',
  comment: 'QĐ 2824/QĐ-UBND, Điều 3 khoản 2',
  // Art. 2: one lead that also follows the task up, named coordinators; Art. 4: every agency carries out the plan.
  task: 'QĐ 2824/QĐ-UBND, Điều 2 và Điều 4',
};

/** The ids of a plan's duties: stable, so later events (and the `plan` query) find the duty they concern. */
export const planDutyId = {
  drafting: (planCode: string) => `plan:${planCode}:drafting`,
  comment: (planCode: string, agencyCode: string) => `plan:${planCode}:comment:${agencyCode}`,
  /** `n`: the notice's version in the plan's stream. */
  change: (planCode: string, n: number) => `plan:${planCode}:change:${n}`,
  task: (planCode: string, taskCode: string, role: 'LEAD' | 'COORDINATE', agencyCode: string) =>
    `plan:${planCode}:task:${taskCode}:${role === 'LEAD' ? 'lead' : 'coordinate'}:${agencyCode}`,
};

const subject = (plan: Pick<PlanDocument, 'code'>) => ({ type: 'PLAN', code: plan.code });

export const draftingDuty = (plan: Pick<PlanDocument, 'code' | 'title'>, at: string): Duty => ({
  id: planDutyId.drafting(plan.code),
  agencyCode: PLAN_DRAFTER,
  role: 'LEAD',
  taskKind: 'PLAN_DRAFTING',
  title: `Chủ trì xây dựng, trình ban hành: ${plan.title}`,
  subject: subject(plan),
  legalBasis: BASIS.drafting,
  since: at,
  dueAt: null,
  doneAt: null,
  cancelledAt: null,
});

export const commentDuty = (plan: Pick<PlanDocument, 'code' | 'title'>, agencyCode: string, dueAt: string, at: string): Duty => ({
  id: planDutyId.comment(plan.code, agencyCode),
  agencyCode,
  role: 'COMMENT',
  taskKind: 'PLAN_COMMENT',
  title: `Góp ý dự thảo: ${plan.title}`,
  subject: subject(plan),
  legalBasis: BASIS.comment,
  since: at,
  dueAt,
  doneAt: null,
  cancelledAt: null,
});

/** No deadline: the regulation asks SNV to consider the change promptly, not by a date. */
export const changeDuty = (plan: Pick<PlanDocument, 'code' | 'title'>, n: number, from: string, at: string): Duty => ({
  id: planDutyId.change(plan.code, n),
  agencyCode: PLAN_DRAFTER,
  role: 'LEAD',
  taskKind: 'HIGHER_LEVEL_CHANGE',
  title: `Xem xét điều chỉnh ${plan.title} theo thay đổi của cấp trên (${from} thông báo)`,
  subject: subject(plan),
  legalBasis: BASIS.adjustment,
  since: at,
  dueAt: null,
  doneAt: null,
  cancelledAt: null,
});

/** A task's duties: its lead's (LEAD) and each coordinator's (COORDINATE), due by the task's deadline. */
export function taskDuties(plan: Pick<PlanDocument, 'code' | 'title'>, task: PlanTask, at: string): Duty[] {
  const duty = (agencyCode: string, role: 'LEAD' | 'COORDINATE'): Duty => ({
    id: planDutyId.task(plan.code, task.code, role, agencyCode),
    agencyCode,
    role,
    taskKind: 'PLAN_TASK',
    title: `${role === 'LEAD' ? 'Chủ trì' : 'Phối hợp'}: ${task.title} (${plan.title})`,
    subject: { type: 'PLAN_TASK', code: `${plan.code}/${task.code}` },
    legalBasis: BASIS.task,
    since: at,
    dueAt: task.dueAt,
    doneAt: null,
    cancelledAt: null,
  });
  return [duty(task.lead, 'LEAD'), ...task.coordinators.map((c) => duty(c, 'COORDINATE'))];
}

export const isOpen = (duty: Duty) => duty.doneAt === null && duty.cancelledAt === null;

/**
 * A task's duties after it changed (amendment): kept ones take the new title and deadline, agencies no longer on
 * it have theirs cancelled, new ones get theirs from `at`. Task duties are never marked done here: progress
 * reporting closes them.
 */
export function retask(duties: Record<string, Duty>, plan: Pick<PlanDocument, 'code' | 'title'>, task: PlanTask, at: string): Record<string, Duty> {
  const next = { ...duties };
  const prefix = `plan:${plan.code}:task:${task.code}:`;
  const wanted = new Map(taskDuties(plan, task, at).map((d) => [d.id, d]));
  for (const [id, duty] of Object.entries(duties)) {
    if (!id.startsWith(prefix)) continue;
    const kept = wanted.get(id);
    if (kept && !duty.cancelledAt) next[id] = { ...duty, title: kept.title, dueAt: kept.dueAt };
    else if (!kept && isOpen(duty)) next[id] = { ...duty, cancelledAt: at };
    if (kept && !duty.cancelledAt) wanted.delete(id);
  }
  for (const duty of wanted.values()) next[duty.id] = duty;
  return next;
}
