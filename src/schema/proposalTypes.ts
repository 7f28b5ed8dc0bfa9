import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AgencyGroup, CommendationKind, ProposalDecision, ProposalOpinion, ProposalRecommendation, ProposalStatus } from './enums';
import { CalendarDateScalar } from './scalars';

@ObjectType({ simpleResolvers: true, description: 'An asked agency’s opinion: asked by `dueAt`, given at `givenAt` (late when after it), or missing.' })
class ProposalOpinionEntry {
  @Field(() => ID)
  agencyCode!: string;

  @Field(() => Date)
  askedAt!: Date;

  @Field(() => Date)
  dueAt!: Date;

  @Field(() => ProposalOpinion, { nullable: true })
  opinion!: ProposalOpinion | null;

  @Field(() => String, { nullable: true })
  text!: string | null;

  @Field(() => Date, { nullable: true })
  givenAt!: Date | null;

  @Field({ description: 'Given after its deadline, or still missing past it.' })
  late!: boolean;
}

@ObjectType({ simpleResolvers: true })
class ProposalOpinions {
  @Field(() => [ProposalOpinionEntry], { description: 'Every agency asked, in the order asked.' })
  requested!: ProposalOpinionEntry[];

  @Field(() => [ProposalOpinionEntry])
  given!: ProposalOpinionEntry[];

  @Field(() => [ProposalOpinionEntry], { description: 'Asked and not given (closed unanswered once SNV appraised).' })
  missing!: ProposalOpinionEntry[];
}

@ObjectType({ simpleResolvers: true })
class ProposalAppraisal {
  @Field(() => ProposalRecommendation)
  recommendation!: ProposalRecommendation;

  @Field()
  text!: string;

  @Field(() => Date)
  appraisedAt!: Date;
}

@ObjectType({ simpleResolvers: true })
class ProposalDecisionRecord {
  @Field(() => ProposalDecision)
  decision!: ProposalDecision;

  @Field()
  decisionNumber!: string;

  @Field(() => CalendarDateScalar)
  decisionDate!: string;

  @Field(() => Date)
  decidedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'A reform proposal (đề án, dự án CCHC; QĐ 2824/QĐ-UBND, Điều 6).' })
export class ReformProposal {
  @Field(() => ID)
  code!: string;

  @Field()
  title!: string;

  @Field(() => ID, { description: 'The submitting agency.' })
  agencyCode!: string;

  @Field()
  summary!: string;

  @Field(() => [String])
  attachments!: string[];

  @Field(() => Int, { description: 'The year it was submitted (Vietnam time).' })
  year!: number;

  @Field(() => ProposalStatus)
  status!: ProposalStatus;

  @Field(() => Date)
  submittedAt!: Date;

  @Field(() => ProposalOpinions)
  opinions!: ProposalOpinions;

  @Field(() => ProposalAppraisal, { nullable: true })
  appraisal!: ProposalAppraisal | null;

  @Field(() => ProposalDecisionRecord, { nullable: true })
  decision!: ProposalDecisionRecord | null;
}

@ObjectType({ simpleResolvers: true })
class RemedialAction {
  @Field()
  text!: string;

  @Field(() => Date, { nullable: true })
  dueAt!: Date | null;
}

@ObjectType({ simpleResolvers: true, description: 'What an agency held accountable will do about its weak criteria, by when.' })
class RemedialPlan {
  @Field(() => [String])
  weakCriteria!: string[];

  @Field(() => [RemedialAction])
  actions!: RemedialAction[];

  @Field(() => Date)
  dueAt!: Date;

  @Field(() => Date)
  submittedAt!: Date;

  @Field({ description: 'Sent after the deadline the accountability proposal set.' })
  late!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'SNV’s proposal of commendation or accountability for an agency’s PAR results (Điều 16 khoản 6).' })
export class Commendation {
  @Field(() => Int)
  year!: number;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => ID)
  agencyCode!: string;

  @Field(() => CommendationKind)
  kind!: CommendationKind;

  @Field(() => Int, { description: 'Its rank in the published ranking.' })
  rank!: number;

  @Field(() => String, { nullable: true })
  band!: string | null;

  @Field()
  reason!: string;

  @Field()
  basis!: string;

  @Field(() => Date)
  proposedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'ACCOUNTABILITY: by when the remedial plan is owed.' })
  remedialPlanDueAt!: Date | null;

  @Field(() => RemedialPlan, { nullable: true })
  remedialPlan!: RemedialPlan | null;
}

@ObjectType({ simpleResolvers: true, description: 'What the bands of a published ranking suggest for one agency.' })
export class CommendationSuggestion {
  @Field(() => CommendationKind, { description: 'COMMENDATION for the top band, ACCOUNTABILITY (and a remedial plan) for the bottom band.' })
  kind!: CommendationKind;

  @Field(() => ID)
  agencyCode!: string;

  @Field()
  agencyName!: string;

  @Field(() => Int)
  rank!: number;

  @Field(() => Float, { nullable: true })
  indexPercent!: number | null;

  @Field(() => String, { nullable: true })
  band!: string | null;

  @Field(() => CommendationKind, { nullable: true, description: 'What SNV already proposed for it that year, if anything.' })
  proposed!: CommendationKind | null;
}
