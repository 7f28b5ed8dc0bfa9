import { registerEnumType } from 'type-graphql';

export enum AgencyGroup {
  DEPARTMENT = 'DEPARTMENT',
  PROVINCIAL_BRANCH = 'PROVINCIAL_BRANCH',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}

export enum ScoringMethod {
  SELF_ASSESSED = 'SELF_ASSESSED',
  SURVEY = 'SURVEY',
}

export enum AssessmentStatus {
  NOT_SUBMITTED = 'NOT_SUBMITTED',
  SUBMITTED = 'SUBMITTED',
  UNDER_APPRAISAL = 'UNDER_APPRAISAL',
  FINALIZED = 'FINALIZED',
}

registerEnumType(AgencyGroup, {
  name: 'AgencyGroup',
  description: 'The ranking group an agency belongs to; each group has its own criteria set and ranking.',
  valuesConfig: {
    DEPARTMENT: { description: 'Provincial departments, boards and sectors (sở, ban, ngành).' },
    PROVINCIAL_BRANCH: { description: 'Centrally managed provincial branches (ngành dọc): tax, treasury, police, social insurance, customs.' },
    DISTRICT: { description: 'District-level People’s Committees (UBND huyện, thị xã, thành phố).' },
    COMMUNE: { description: 'Commune-level People’s Committees (UBND xã, phường, thị trấn).' },
  },
});
registerEnumType(ScoringMethod, {
  name: 'ScoringMethod',
  valuesConfig: {
    SELF_ASSESSED: { description: 'Self-assessed by the agency, then appraised by the appraising agency.' },
    SURVEY: { description: 'Scored by the sociological survey (điều tra xã hội học); entered by the coordinator.' },
  },
});
registerEnumType(AssessmentStatus, { name: 'AssessmentStatus' });
