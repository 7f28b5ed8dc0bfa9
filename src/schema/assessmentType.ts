import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Adjustment } from './adjustmentType';
import { Agency } from './agencyType';
import { Complaint, Reopening } from './complaintType';
import { RatingBand } from './ratingBandType';
import { AgencyGroup, AssessmentStatus, NotApplicableClaimStatus, ScoringMethod } from './enums';

@ObjectType({ simpleResolvers: true, description: 'One appraisal round of a criterion.' })
export class Appraisal {
  @Field(() => Int)
  round!: number;

  @Field()
  applicable!: boolean;

  @Field(() => Float, { nullable: true })
  points!: number | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => ID, { description: 'The agency of record: the leaf’s appraiser (the framework’s, or the one assignAppraiser named).' })
  appraiserCode!: string;

  @Field(() => ID, {
    description: 'The agency that acted: the agency of record, or the unit it was merged into that carries its work since (lineage).',
  })
  actingAgencyCode!: string;

  @Field(() => Date)
  appraisedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'A self score the agency saved without sending (saveSelfAssessmentDraft).' })
class DraftScore {
  @Field()
  applicable!: boolean;

  @Field(() => Float, { nullable: true })
  points!: number | null;

  @Field(() => String, { nullable: true })
  explanation!: string | null;

  @Field(() => [String])
  evidence!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'A question between appraisal rounds 1 and 2 and the agency’s answer (giải trình).' })
class ExplanationRequest {
  @Field()
  question!: string;

  @Field(() => Date, { description: 'As asked; an EXPLANATION extension for the agency can give it longer.' })
  dueAt!: Date;

  @Field(() => Date)
  requestedAt!: Date;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;

  @Field(() => String, { nullable: true })
  text!: string | null;

  @Field(() => [String])
  evidence!: string[];

  @Field(() => Float, { nullable: true, description: 'The points the agency claims in its answer, when it revised them.' })
  revisedPoints!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'A leaf criterion of an assessment: self, appraised, survey and final points.' })
export class CriterionScore {
  @Field(() => ID)
  code!: string;

  @Field()
  title!: string;

  @Field(() => ID)
  areaCode!: string;

  @Field(() => ID, { description: 'The criterion this leaf sits under, or its area’s code for a leaf directly under an area.' })
  parentCode!: string;

  @Field(() => [String], { description: 'Codes from the area down to this leaf, inclusive, following the framework’s nesting.' })
  path!: string[];

  @Field(() => ScoringMethod)
  method!: ScoringMethod;

  @Field(() => ID, { nullable: true })
  appraiserCode!: string | null;

  @Field(() => Float)
  maxPoints!: number;

  @Field(() => Float, { nullable: true })
  selfPoints!: number | null;

  @Field(() => Float, { nullable: true, description: 'From the latest appraisal round.' })
  appraisedPoints!: number | null;

  @Field(() => Float, { nullable: true })
  surveyPoints!: number | null;

  @Field(() => Float, { nullable: true, description: 'Null while the criterion waits for its appraisal or survey result.' })
  finalPoints!: number | null;

  @Field({ description: 'Whether the criterion counts towards the applicable maximum.' })
  applicable!: boolean;

  @Field(() => NotApplicableClaimStatus, { nullable: true, description: 'The agency’s "not applicable" claim and its decision; null without a claim.' })
  notApplicableClaim!: NotApplicableClaimStatus | null;

  @Field(() => String, { nullable: true, description: 'The agency’s explanation (giải trình).' })
  explanation!: string | null;

  @Field(() => [String], { description: 'References to evidence documents (tài liệu kiểm chứng).' })
  evidence!: string[];

  @Field(() => [Appraisal])
  appraisals!: Appraisal[];

  @Field(() => DraftScore, { nullable: true, description: 'The saved, unsent score of this leaf; the next submission sends it.' })
  draft!: DraftScore | null;

  @Field(() => [ExplanationRequest], { description: 'Explanation requests between the rounds, oldest first.' })
  explanationRequests!: ExplanationRequest[];

  @Field(() => ID, { nullable: true, description: 'The recorded survey the survey points come from (Query.surveys), when the score cites one.' })
  surveyCode!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'An area’s sub-total and sub-index over its applicable criteria.' })
class AreaScore {
  @Field(() => ID)
  code!: string;

  @Field()
  title!: string;

  @Field(() => Float)
  points!: number;

  @Field(() => Float)
  maxPoints!: number;

  @Field(() => Float, { nullable: true })
  indexPercent!: number | null;

  @Field(() => Float, { description: 'The agency’s own view: the sum of its sent self points in the area.' })
  selfPoints!: number;

  @Field(() => Float, { description: 'The sum of the latest appraised points in the area (survey leaves excluded).' })
  appraisedPoints!: number;
}

@ObjectType({ simpleResolvers: true, description: 'The coordinator’s record that the agency sent no self-assessment by its effective deadline.' })
class NonSubmission {
  @Field()
  reason!: string;

  @Field(() => Date)
  recordedAt!: Date;

  @Field(() => Date, { description: 'The agency’s effective self-assessment deadline that had passed (amendments and extensions counted).' })
  deadline!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'One agency’s PAR assessment in one year.' })
export class Assessment {
  @Field(() => Int)
  year!: number;

  @Field(() => Agency)
  agency!: Agency;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => ID)
  frameworkCode!: string;

  @Field(() => Int, { description: 'Version of the assessment’s event stream; send it as expectedVersion to detect concurrent edits.' })
  version!: number;

  @Field(() => AssessmentStatus)
  status!: AssessmentStatus;

  @Field(() => Float, {
    description: 'Sum of final points of applicable criteria (unscored count as 0 until finalised), plus bonusPoints, minus penaltyPoints.',
  })
  totalPoints!: number;

  @Field(() => Float, { description: 'Accepted bonus points, their sum capped at Framework.bonusMaxPoints.' })
  bonusPoints!: number;

  @Field(() => Float, { description: 'Accepted penalty points, their sum capped at Framework.penaltyMaxPoints.' })
  penaltyPoints!: number;

  @Field(() => Float, { description: 'The agency’s own view: the sum of its sent self points (drafts excluded), next to totalPoints.' })
  selfTotalPoints!: number;

  @Field(() => Float)
  applicableMaxPoints!: number;

  @Field(() => Float, { nullable: true, description: 'totalPoints ÷ applicableMaxPoints × 100, unrounded; a bonus may take it over 100.' })
  indexPercent!: number | null;

  @Field(() => RatingBand, { nullable: true, description: 'The band of the agency’s group this year that the index reaches; null without bands or index.' })
  band!: RatingBand | null;

  @Field(() => [AreaScore])
  areas!: AreaScore[];

  @Field(() => [CriterionScore])
  criteria!: CriterionScore[];

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finalizedAt!: Date | null;

  @Field(() => NonSubmission, {
    nullable: true,
    description: 'Set when the agency sent nothing and the coordinator recorded it: its self-assessed criteria score 0, survey criteria count.',
  })
  nonSubmission!: NonSubmission | null;

  @Field(() => [Adjustment], { description: 'Bonus and penalty proposals in the order proposed, with their decisions.' })
  adjustments!: Adjustment[];

  @Field(() => [Complaint], { description: 'Complaints about the published result, oldest first.' })
  complaints!: Complaint[];

  @Field(() => [Reopening], { description: 'Every reopening for a correction, oldest first.' })
  reopenings!: Reopening[];
}
