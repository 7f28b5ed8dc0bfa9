import { Field, Float, ID, ObjectType } from 'type-graphql';
import { ComplaintOutcome, ComplaintStatus } from './enums';

@ObjectType({ description: 'An agency’s complaint (khiếu nại) about a criterion’s published result, and the coordinator’s answer.' })
export class Complaint {
  @Field(() => ID, { description: 'KN-1, KN-2, … in the order lodged within the assessment.' })
  id!: string;

  @Field(() => ID, { description: 'The criterion (area, criterion or leaf) complained about.' })
  criterionCode!: string;

  @Field()
  text!: string;

  @Field(() => ComplaintStatus)
  status!: ComplaintStatus;

  @Field(() => ComplaintOutcome, { nullable: true, description: 'Null while OPEN.' })
  outcome!: ComplaintOutcome | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => Date)
  lodgedAt!: Date;

  @Field(() => Date, { description: 'When the publication the complaint answers was issued.' })
  publishedAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;
}

@ObjectType({ description: 'A reopening of the finalised assessment for a correction (reopenAssessment), with the result it reopened.' })
export class Reopening {
  @Field()
  reason!: string;

  @Field(() => Date)
  reopenedAt!: Date;

  @Field(() => Float)
  previousTotalPoints!: number;

  @Field(() => Float)
  previousApplicableMaxPoints!: number;
}
