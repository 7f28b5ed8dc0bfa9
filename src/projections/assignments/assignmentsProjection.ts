import { addDays, startOfVietnamDay } from '../../domain/calendarDate';
import type { Duty } from '../../domain/duty/duty';
import type { ParEventData } from '../../events/parEvents';
import { defineProjection } from '../projection';

export type AssignmentDocument = ParEventData<'ResponsibilityAssigned'> & { assignedAt: string };

/** A standing responsibility holds from the start of its first day (Vietnam) until the end of its last. */
const startOf = (day: string) => startOfVietnamDay(day).toISOString();
const afterEnd = (day: string | null) => (day === null ? null : startOfVietnamDay(addDays(day, 1)).toISOString());

/** The lead's and each coordinator's standing duty under one assignment (no deadline; it ends with the assignment). */
function dutiesOf(a: ParEventData<'ResponsibilityAssigned'>): Duty[] {
  const base = {
    taskKind: a.taskKind,
    title: a.description,
    subject: { type: 'RESPONSIBILITY', code: a.code },
    legalBasis: a.legalBasis,
    since: startOf(a.effectiveFrom),
    dueAt: null,
    doneAt: null,
    cancelledAt: afterEnd(a.effectiveUntil),
  };
  return [
    { ...base, id: `${a.code}:${a.lead}`, agencyCode: a.lead, role: 'LEAD' },
    ...a.coordinators.map((c): Duty => ({ ...base, id: `${a.code}:${c}`, agencyCode: c, role: 'COORDINATE' })),
  ];
}

/** Decision 2824's matrix of who leads and who coordinates, and the standing duties it gives each agency. */
export const assignmentsProjection = defineProjection({
  name: 'assignments',
  version: 1,
  collections: [
    { name: 'assignments', indexes: [['lead']] },
    { name: 'assignmentDuties', indexes: [['agencyCode']] },
  ],
  handles: ['ResponsibilityAssigned'],
  reads: () => [],
  apply(event) {
    if (event.type !== 'ResponsibilityAssigned') return [];
    const doc: AssignmentDocument = { ...event.data, assignedAt: event.metadata.recordedAt };
    return [
      { collection: 'assignments', id: event.data.code, doc },
      ...dutiesOf(event.data).map((duty) => ({ collection: 'assignmentDuties', id: duty.id, doc: duty })),
    ];
  },
});
