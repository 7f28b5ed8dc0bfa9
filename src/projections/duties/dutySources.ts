import type { ProjectionName } from '../allProjections';
import { INSPECTION_DUTIES } from '../inspections/inspectionsProjection';
import { REPORTING_DUTIES } from '../reporting/reportingProjection';

/**
 * Where duties are kept: each area of the regulation (assignments, plans, reports, inspections, proposals, …) has a
 * projection of its own that writes its duties (src/domain/duty/duty.ts `Duty`, with an index on agencyCode) into a
 * collection of its own. `responsibilities` and `workload` read every collection listed here; a new area adds its row.
 */
export const DUTY_SOURCES: readonly { projection: ProjectionName; collection: string }[] = [
  // Standing responsibilities (assignResponsibility, the seeded matrix of Decision 2824).
  { projection: 'assignments', collection: 'assignmentDuties' },
  // The departments' data for the provincial index, and SNV's compilation (Art. 7).
  { projection: 'provincialIndex', collection: 'provincialIndexDuties' },
  { projection: 'plans', collection: 'planDuties' },
  { projection: 'proposals', collection: 'duties' },
  { projection: 'reporting', collection: REPORTING_DUTIES },
  { projection: 'inspections', collection: INSPECTION_DUTIES },
];
