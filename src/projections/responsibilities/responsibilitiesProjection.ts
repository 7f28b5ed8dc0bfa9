import { defineProjection } from '../projection';
import { adjustmentDecided, adjustmentProposed, refsForAdjustment } from './adjustments';
import {
  ASSIGNMENTS,
  criterionAppraised,
  cycleOpened,
  frameworkPublished,
  nonSubmissionRecorded,
  refsForSubmission,
  selfAssessmentSent,
} from './appraisalDuties';
import { complaintLodged, complaintResolved, refsForComplaint } from './complaints';
import { explanationChanged } from './explanations';
import { storedResponsibility, type KeptResponsibility } from './keptResponsibility';
import { assessmentReopened, finalisationSettled } from './finalisation';
import { reassign, refsForAssignment } from './reassignment';
import { COORDINATOR_DUTIES, RESPONSIBILITIES, agencyRef, coordinatorRef } from './responsibilityDocument';

export type { ResponsibilityDocument } from './responsibilityDocument';

/**
 * Who owes what in a cycle: per agency and year its self-assessment, the appraisals and explanations it owes, its
 * complaints and proposals (`responsibilities`); per year what the coordinating role has to resolve, decide and
 * finalise (`coordinatorDuties`). Deadlines are stored as scheduled; extensions are applied when served.
 */
export const responsibilitiesProjection = defineProjection({
  name: 'responsibilities',
  // 2: "not applicable" claims are pending for the appraiser; 3: explanation requests to answer and to decide;
  // 4: a recorded non-submission closes the self-assessment duty; 5: leaves given to another appraiser move;
  // 6: complaints and proposals per agency, the coordinator's duties per year, round 2 settles a request to answer.
  version: 6,
  collections: [
    { name: RESPONSIBILITIES, indexes: [['agencyCode', 'year']] },
    { name: ASSIGNMENTS, indexes: [] },
    { name: COORDINATOR_DUTIES, indexes: [] },
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
    'ComplaintLodged',
    'ComplaintResolved',
    'AdjustmentProposed',
    'AdjustmentDecided',
    'AssessmentReopened',
    'AssessmentFinalized',
    'AgencyExcludedFromRanking',
  ],
  reads(event) {
    switch (event.type) {
      case 'AssessmentCycleOpened':
        return event.data.frameworks.map((f) => ({ collection: ASSIGNMENTS, id: f.frameworkCode }));
      case 'SelfAssessmentSubmitted':
      case 'SelfAssessmentRevised':
        return refsForSubmission(event.data);
      case 'CriterionAppraised':
        return [agencyRef(event.data.year, event.data.appraiserCode), agencyRef(event.data.year, event.data.agencyCode)];
      case 'NonSubmissionRecorded':
        return [agencyRef(event.data.year, event.data.agencyCode)];
      case 'AppraiserAssigned':
        return refsForAssignment(event.data);
      case 'ExplanationRequested':
      case 'ExplanationSubmitted':
        return [agencyRef(event.data.year, event.data.agencyCode), agencyRef(event.data.year, event.data.appraiserCode)];
      case 'ComplaintLodged':
      case 'ComplaintResolved':
        return refsForComplaint(event.data);
      case 'AdjustmentProposed':
      case 'AdjustmentDecided':
        return refsForAdjustment(event.data);
      case 'AssessmentReopened':
      case 'AssessmentFinalized':
      case 'AgencyExcludedFromRanking':
        return [coordinatorRef(event.data.year)];
      default:
        return [];
    }
  },
  apply(event, docs) {
    const at = event.metadata.recordedAt;
    switch (event.type) {
      case 'FrameworkPublished':
        return frameworkPublished(event.data);
      case 'AssessmentCycleOpened':
        return cycleOpened(event.data, docs);
      case 'SelfAssessmentSubmitted':
      case 'SelfAssessmentRevised':
        return selfAssessmentSent(event.data, at, docs);
      case 'CriterionAppraised':
        return criterionAppraised(event.data, docs);
      case 'NonSubmissionRecorded':
        return nonSubmissionRecorded(event.data, at, docs);
      case 'AppraiserAssigned':
        return reassign(event.data, docs);
      case 'ExplanationRequested':
      case 'ExplanationSubmitted':
        return explanationChanged(event, at, docs);
      case 'ComplaintLodged':
        return complaintLodged(event.data, at, docs);
      case 'ComplaintResolved':
        return complaintResolved(event.data, at, docs);
      case 'AdjustmentProposed':
        return adjustmentProposed(event.data, at, docs);
      case 'AdjustmentDecided':
        return adjustmentDecided(event.data, at, docs);
      case 'AssessmentReopened':
        return assessmentReopened(event.data, at, docs);
      case 'AssessmentFinalized':
      case 'AgencyExcludedFromRanking':
        return finalisationSettled(event.data, docs);
      default:
        return [];
    }
  },
  // Apply keeps an agency's long lists of pairs in chunks (KeptResponsibility); they are stored flat, as ever.
  present(collection, doc) {
    return collection === RESPONSIBILITIES ? storedResponsibility(doc as KeptResponsibility) : doc;
  },
});
