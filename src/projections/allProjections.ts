import { agenciesProjection } from './agencies/agenciesProjection';
import { assignmentsProjection } from './assignments/assignmentsProjection';
import { provincialIndexProjection } from './provincialIndex/provincialIndexProjection';
import { assessmentsProjection } from './assessments/assessmentsProjection';
import { auditTrailProjection } from './auditTrail/auditTrailProjection';
import { cyclesProjection } from './cycles/cyclesProjection';
import { frameworksProjection } from './frameworks/frameworksProjection';
import type { Projection } from './projection';
import { plansProjection } from './plans/plansProjection';
import { proposalsProjection } from './proposals/proposalsProjection';
import { rankingsProjection } from './rankings/rankingsProjection';
import { responsibilitiesProjection } from './responsibilities/responsibilitiesProjection';
import { surveysProjection } from './surveys/surveysProjection';
import { reportingProjection } from './reporting/reportingProjection';
import { inspectionsProjection } from './inspections/inspectionsProjection';

export const allProjections: readonly Projection[] = [
  agenciesProjection,
  frameworksProjection,
  cyclesProjection,
  assessmentsProjection,
  rankingsProjection,
  responsibilitiesProjection,
  auditTrailProjection,
  surveysProjection,
  assignmentsProjection,
  provincialIndexProjection,
  plansProjection,
  proposalsProjection,
  reportingProjection,
  inspectionsProjection,
];

/** The read models a mutation can answer from (read-your-writes waits for those src/resolvers/answersFrom.ts names). */
export type ProjectionName =
  | 'agencies'
  | 'frameworks'
  | 'cycles'
  | 'assessments'
  | 'rankings'
  | 'responsibilities'
  | 'auditTrail'
  | 'surveys'
  | 'assignments'
  | 'provincialIndex'
  | 'plans'
  | 'proposals'
  | 'reporting'
  | 'inspections';
