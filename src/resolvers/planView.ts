import { doneLate, dutyStatusAt } from '../domain/duty/duty';
import type { PlanDocument } from '../projections/plans/planDocument';
import { planDutyId } from '../projections/plans/planDuties';

/** A plan as the `Plan` type serves it: its tasks' and comment requests' status read from its duties at `at`. */
export function presentPlan(plan: PlanDocument, at: Date) {
  const statusOf = (id: string) => {
    const duty = plan.duties[id];
    return duty ? dutyStatusAt(duty, at) : null;
  };
  return {
    ...plan,
    tasks: plan.tasks.map((t) => ({ ...t, status: statusOf(planDutyId.task(plan.code, t.code, 'LEAD', t.lead)) })),
    commentRequests: plan.commentRequests.map((r) => {
      const duty = plan.duties[planDutyId.comment(plan.code, r.agencyCode)];
      return { ...r, status: (duty && dutyStatusAt(duty, at)) ?? 'OPEN', late: duty ? doneLate(duty) : false };
    }),
  };
}
