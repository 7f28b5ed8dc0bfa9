import type { Duty } from '../../domain/duty/duty';
import { endOfMonth } from '../../domain/inspection/inspectionDecider';
import type { RecordedParEvent } from '../../events/parEvents';
import { defineProjection, type DocChange } from '../projection';
import type { InspectionDocument } from './inspectionDocument';
import { coordinateDutyId, followUpDuty, followUpDutyId, leadDutyId, plannedDuties } from './inspectionDuties';

export const INSPECTION_DUTIES = 'inspectionDuties';

const inspection = (code: string) => ({ collection: 'inspections', id: code });
const duty = (id: string) => ({ collection: INSPECTION_DUTIES, id });

function reads(event: RecordedParEvent) {
  switch (event.type) {
    case 'InspectionRecorded': {
      const { code, coordinators } = event.data;
      return [inspection(code), duty(leadDutyId(code)), ...coordinators.map((c) => duty(coordinateDutyId(code, c)))];
    }
    case 'InspectionFollowUpReported':
      return [inspection(event.data.code), duty(followUpDutyId(event.data.code))];
    default:
      return [];
  }
}

const done = (owed: Duty | null, at: string): DocChange[] => (owed && owed.doneAt === null ? [{ ...duty(owed.id), doc: { ...owed, doneAt: at } }] : []);

/** Inspection plans (one document per inspection, grouped by year and issuer when read) and the duties they make. */
export const inspectionsProjection = defineProjection({
  name: 'inspections',
  version: 1,
  collections: [
    { name: 'inspections', indexes: [['year']] },
    { name: INSPECTION_DUTIES, indexes: [['agencyCode']] },
  ],
  handles: ['InspectionPlanIssued', 'InspectionRecorded', 'InspectionFollowUpReported'],
  reads,
  apply(event, docs): DocChange[] {
    const at = event.metadata.recordedAt;
    switch (event.type) {
      case 'InspectionPlanIssued': {
        const { year, issuingAgencyCode } = event.data;
        return event.data.inspections.flatMap((planned) => {
          const doc: InspectionDocument = {
            ...planned,
            year,
            issuingAgencyCode,
            issuedAt: at,
            dueAt: endOfMonth(year, planned.plannedMonth),
            recorded: null,
            followUps: [],
          };
          return [{ ...inspection(doc.code), doc }, ...plannedDuties(doc).map((d) => ({ ...duty(d.id), doc: d }))];
        });
      }
      case 'InspectionRecorded': {
        const current = docs<InspectionDocument>('inspections', event.data.code);
        if (!current) return [];
        const { conductedOn, findings, recommendations, followUpDueAt, coordinators } = event.data;
        const doc: InspectionDocument = { ...current, recorded: { conductedOn, recordedAt: at, findings, recommendations, followUpDueAt } };
        const owed = [leadDutyId(current.code), ...coordinators.map((c) => coordinateDutyId(current.code, c))].flatMap((id) =>
          done(docs<Duty>(INSPECTION_DUTIES, id), at),
        );
        const followUp = followUpDuty(doc, at, followUpDueAt);
        return [{ ...inspection(doc.code), doc }, ...owed, { ...duty(followUp.id), doc: followUp }];
      }
      case 'InspectionFollowUpReported': {
        const current = docs<InspectionDocument>('inspections', event.data.code);
        if (!current) return [];
        const { text, done: isDone } = event.data;
        const doc: InspectionDocument = { ...current, followUps: [...current.followUps, { text, done: isDone, reportedAt: at }] };
        return [{ ...inspection(doc.code), doc }, ...(isDone ? done(docs<Duty>(INSPECTION_DUTIES, followUpDutyId(doc.code)), at) : [])];
      }
      default:
        return [];
    }
  },
});
