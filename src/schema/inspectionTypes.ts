import { Field, ID, Int, ObjectType } from 'type-graphql';
import { FindingSeverity } from './enums';
import { CalendarDateScalar } from './scalars';

@ObjectType({ simpleResolvers: true })
class InspectionFinding {
  @Field()
  area!: string;

  @Field()
  text!: string;

  @Field(() => FindingSeverity)
  severity!: FindingSeverity;

  @Field(() => ID, { nullable: true, description: 'The index criterion it concerns.' })
  criterionCode!: string | null;
}

@ObjectType({ simpleResolvers: true })
class InspectionFollowUp {
  @Field()
  text!: string;

  @Field()
  done!: boolean;

  @Field(() => Date)
  reportedAt!: string;
}

@ObjectType({ description: 'An inspection of an agency’s PAR results (Art. 5): as planned, as conducted, and its follow-up.' })
export class Inspection {
  @Field(() => ID)
  code!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => ID, { description: 'SNV, or the department whose own plan it is in.' })
  issuingAgencyCode!: string;

  @Field(() => ID)
  targetAgencyCode!: string;

  @Field(() => ID)
  leadAgencyCode!: string;

  @Field(() => [ID])
  coordinators!: string[];

  @Field(() => Int)
  plannedMonth!: number;

  @Field()
  scope!: string;

  @Field(() => Date, { description: 'The end of the planned month.' })
  dueAt!: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Null until recorded.' })
  conductedOn!: string | null;

  @Field(() => [InspectionFinding])
  findings!: InspectionFinding[];

  @Field(() => String, { nullable: true })
  recommendations!: string | null;

  @Field(() => Date, { nullable: true, description: 'By when the inspected agency reports its follow-up.' })
  followUpDueAt!: string | null;

  @Field(() => [InspectionFollowUp])
  followUps!: InspectionFollowUp[];

  @Field({ description: 'The inspected agency reported every finding dealt with.' })
  followUpDone!: boolean;
}

@ObjectType({ description: 'An agency’s yearly inspection plan (supplements included): SNV’s for the province, a department’s within its competence.' })
export class InspectionPlan {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  issuingAgencyCode!: string;

  @Field(() => [Inspection], { description: 'By planned month, then code.' })
  inspections!: Inspection[];
}
