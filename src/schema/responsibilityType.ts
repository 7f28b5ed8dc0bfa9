import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Agency } from './agencyType';
import { AgencyGroup } from './enums';

@ObjectType({ description: 'The agency’s own self-assessment in a cycle.' })
class SelfAssessmentDuty {
  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => ID)
  frameworkCode!: string;

  @Field(() => Date)
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
}

@ObjectType({ description: 'What an agency leads and owes in one cycle.' })
class CycleResponsibility {
  @Field(() => Int)
  year!: number;

  @Field(() => SelfAssessmentDuty, { nullable: true })
  selfAssessment!: SelfAssessmentDuty | null;

  @Field(() => [AppraisalAssignment])
  appraises!: AppraisalAssignment[];

  @Field(() => Date)
  appraisalDeadline!: Date;

  @Field(() => [PendingAppraisal], { description: 'Submitted criteria this agency has not appraised yet.' })
  pendingAppraisals!: PendingAppraisal[];

  @Field({ description: 'Appraisals still owed and the appraisal deadline has passed.' })
  appraisalsOverdue!: boolean;
}

@ObjectType()
export class AgencyResponsibilities {
  @Field(() => Agency)
  agency!: Agency;

  @Field(() => [CycleResponsibility], { description: 'Newest cycle first.' })
  cycles!: CycleResponsibility[];
}
