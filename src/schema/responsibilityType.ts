import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Agency } from './agencyType';
import { AgencyGroup, SchedulePhase } from './enums';

@ObjectType({ description: 'The agency’s own self-assessment in a cycle.' })
class SelfAssessmentDuty {
  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => ID)
  frameworkCode!: string;

  @Field(() => Date, { description: 'The agency’s effective deadline: the year’s (as amended) or its extension.' })
  deadline!: Date;

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field({ description: 'Not submitted and the deadline has passed.' })
  overdue!: boolean;
}

@ObjectType({ description: 'Criteria the agency appraises in one group’s framework.' })
class AppraisalAssignment {
  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => ID)
  frameworkCode!: string;

  @Field(() => [ID])
  criterionCodes!: string[];
}

@ObjectType()
class PendingAppraisal {
  @Field(() => ID)
  agencyCode!: string;

  @Field(() => ID)
  criterionCode!: string;

  @Field(() => Date, { description: 'The appraisal deadline for this agency: the year’s (as amended) or its APPRAISAL extension.' })
  deadline!: Date;

  @Field()
  overdue!: boolean;
}

@ObjectType({ description: 'An extended deadline that concerns this agency: its own, or that of an agency whose criteria it appraises.' })
class ExtendedDeadline {
  @Field(() => Agency, { description: 'The agency that got the extension.' })
  agency!: Agency;

  @Field(() => SchedulePhase)
  phase!: SchedulePhase;

  @Field(() => Date)
  until!: Date;

  @Field()
  reason!: string;

  @Field(() => Date)
  grantedAt!: Date;
}

@ObjectType({ description: 'What an agency leads and owes in one cycle.' })
class CycleResponsibility {
  @Field(() => Int)
  year!: number;

  @Field(() => SelfAssessmentDuty, { nullable: true })
  selfAssessment!: SelfAssessmentDuty | null;

  @Field(() => [AppraisalAssignment])
  appraises!: AppraisalAssignment[];

  @Field(() => Date, { description: 'The year’s appraisal deadline, as amended.' })
  appraisalDeadline!: Date;

  @Field(() => [ExtendedDeadline], { description: 'Every extended deadline that concerns this agency, oldest first.' })
  extensions!: ExtendedDeadline[];

  @Field(() => [PendingAppraisal], { description: 'Submitted criteria this agency has not appraised yet.' })
  pendingAppraisals!: PendingAppraisal[];

  @Field({ description: 'An appraisal still owed past its (effective) deadline.' })
  appraisalsOverdue!: boolean;
}

@ObjectType()
export class AgencyResponsibilities {
  @Field(() => Agency)
  agency!: Agency;

  @Field(() => [CycleResponsibility], { description: 'Newest cycle first.' })
  cycles!: CycleResponsibility[];
}
