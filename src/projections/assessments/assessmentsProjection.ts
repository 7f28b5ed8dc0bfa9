import { evolveAssessment, initialAssessment } from '../../domain/assessment/assessment';
import { bandsOf } from '../../domain/ranking/bands';
import { ASSESSMENT_EVENT_TYPES, isAssessmentEvent, type AreaDefinition } from '../../events/parEvents';
import { defineProjection } from '../projection';
import { presentAssessment, unscoredAssessment, type AssessmentKept } from './assessmentDocument';

/** The projection keeps its own copy of each framework's tree, so it rebuilds without other projections. */
interface FrameworkTree {
  code: string;
  areas: AreaDefinition[];
  bonusMaxPoints?: number;
  penaltyMaxPoints?: number;
}

export const assessmentId = (year: number, agencyCode: string) => `${year}-${agencyCode}`;

export const assessmentsProjection = defineProjection({
  name: 'assessments',
  // 2: drafts, self totals and appraised sub-totals are served; 3: explanation requests; 4: nonSubmission; 5: bonus and penalty proposals (adjustments);
  // 6: totals with bonus and penalty (bonusPoints, penaltyPoints).
  // 7: leaves given to another appraiser (state.appraisers, CriterionScore.appraiserCode).
  // 8: each criterion's place in the framework (CriterionScore.parentCode, path); band as an object; complaints, reopenings;
  // waived surveys (SurveyWaived) and the survey a leaf's score cites (surveyCode).
  // 9: the agency that acted for the appraiser of record (actingAgencyCode, lineage).
  version: 9,
  collections: [
    {
      name: 'assessments',
      indexes: [
        ['year', 'group'],
        ['agencyCode', 'year'],
      ],
    },
    { name: 'assessmentFrameworks', indexes: [] },
  ],
  handles: ['FrameworkPublished', 'AssessmentCycleOpened', 'SurveyWaived', ...ASSESSMENT_EVENT_TYPES],
  reads(event) {
    switch (event.type) {
      case 'FrameworkPublished':
        return [];
      case 'AssessmentCycleOpened':
        return event.data.frameworks.map((f) => ({ collection: 'assessmentFrameworks', id: f.frameworkCode }));
      case 'SurveyWaived':
        return event.data.agencyCodes.map((code) => ({ collection: 'assessments', id: assessmentId(event.data.year, code) }));
      default:
        return isAssessmentEvent(event) ? [{ collection: 'assessments', id: assessmentId(event.data.year, event.data.agencyCode) }] : [];
    }
  },
  apply(event, docs) {
    const at = event.metadata.recordedAt;
    switch (event.type) {
      case 'FrameworkPublished': {
        const { code, areas, bonusMaxPoints, penaltyMaxPoints } = event.data;
        const tree: FrameworkTree = { code, areas, bonusMaxPoints, penaltyMaxPoints };
        return [{ collection: 'assessmentFrameworks', id: event.data.code, doc: tree }];
      }
      case 'AssessmentCycleOpened': {
        const { year, participants, frameworks } = event.data;
        return participants.flatMap((p) => {
          const frameworkCode = frameworks.find((f) => f.group === p.group)?.frameworkCode;
          const tree = frameworkCode ? docs<FrameworkTree>('assessmentFrameworks', frameworkCode) : null;
          if (!frameworkCode || !tree) return [];
          // Only the kept fields: present derives the served ones before the document is stored or read, once
          // per write instead of once per participant here.
          const doc = unscoredAssessment({
            year,
            agencyCode: p.code,
            agencyName: p.name,
            group: p.group,
            frameworkCode,
            version: 0,
            updatedAt: at,
            state: initialAssessment(),
            frameworkAreas: tree.areas,
            adjustmentCaps: { bonusMaxPoints: tree.bonusMaxPoints ?? 0, penaltyMaxPoints: tree.penaltyMaxPoints ?? 0 },
            bands: bandsOf(event.data, p.group),
          });
          return [{ collection: 'assessments', id: assessmentId(year, p.code), doc }];
        });
      }
      case 'SurveyWaived': {
        // Every assessment of the group is scored again (in present) without its survey leaves.
        const { year, agencyCodes } = event.data;
        return agencyCodes.flatMap((code) => {
          const current = docs<AssessmentKept>('assessments', assessmentId(year, code));
          if (!current) return [];
          const doc: AssessmentKept = { ...current, surveyWaived: true, updatedAt: at };
          return [{ collection: 'assessments', id: assessmentId(year, code), doc }];
        });
      }
      default: {
        if (!isAssessmentEvent(event)) return [];
        const id = assessmentId(event.data.year, event.data.agencyCode);
        const current = docs<AssessmentKept>('assessments', id);
        if (!current) return []; // an assessment of an agency outside the cycle cannot have been accepted
        // Only the kept fields move here; the scores, areas and criteria are derived in present.
        const doc: AssessmentKept = { ...current, state: evolveAssessment(current.state, event, at), version: event.streamVersion, updatedAt: at };
        return [{ collection: 'assessments', id, doc }];
      }
    }
  },
  // Scoring and rendering a whole framework took three quarters of a rebuild when done after every event; done
  // once per document per batch (and once per as-of read), from the state apply keeps.
  present(collection, doc) {
    return collection === 'assessments' ? presentAssessment(doc as AssessmentKept) : doc;
  },
});
