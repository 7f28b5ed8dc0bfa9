import { Duty } from './dutyType';
import { CalendarDateScalar } from './scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Adjustment } from './adjustmentType';
import { Agency } from './agencyType';
import { Complaint } from './complaintType';
import { Extension } from './extensionType';
import { AgencyGroup } from './enums';

@ObjectType({ description: 'The coordinator’s record that the agency sent no self-assessment.' })
class SelfAssessmentNonSubmission {
  @Field()
  reason!: string;

  @Field(() => Date)
  recordedAt!: Date;
}

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

  @Field({ description: 'Not submitted, no non-submission recorded, and the deadline has passed.' })
  overdue!: boolean;

  @Field(() => SelfAssessmentNonSubmission, {
    nullable: true,
    description: 'Set when the coordinator recorded that the agency sent nothing: the duty is closed (not overdue).',
  })
  nonSubmission!: SelfAssessmentNonSubmission | null;
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

@ObjectType({ description: 'A question from an appraiser that the agency has to answer.' })
class ExplanationToAnswer {
  @Field(() => ID)
  criterionCode!: string;

  @Field()
  question!: string;

  @Field(() => Date, { description: 'Effective: the request’s dueAt or the agency’s later EXPLANATION extension.' })
  dueAt!: Date;

  @Field(() => ID)
  appraiserCode!: string;

  @Field({ description: 'Unanswered past the effective dueAt: the agency may no longer answer, and round 2 may follow without it.' })
  overdue!: boolean;
}

@ObjectType({ description: 'A leaf this agency appraises that waits for round 2 after an explanation request.' })
class ExplanationToDecide {
  @Field(() => ID)
  agencyCode!: string;

  @Field(() => ID)
  criterionCode!: string;

  @Field(() => Date, { description: 'The dueAt as asked.' })
  dueAt!: Date;

  @Field(() => Date, { description: 'Until when the agency may answer: dueAt, or the agency’s later EXPLANATION extension.' })
  effectiveDueAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Null while unanswered.' })
  answeredAt!: Date | null;

  @Field({ description: 'Round 2 may be given now: the agency answered, or the effective due time has passed.' })
  decidable!: boolean;
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

  @Field(() => [Extension], {
    description:
      'Every extended deadline that concerns this agency, oldest first: its own (any phase), the APPRAISAL ones of agencies whose criteria it appraises, the EXPLANATION ones of agencies whose explanations it waits for.',
  })
  extensions!: Extension[];

  @Field(() => [PendingAppraisal], { description: 'Submitted criteria this agency has not appraised yet.' })
  pendingAppraisals!: PendingAppraisal[];

  @Field({ description: 'An appraisal still owed past its (effective) deadline.' })
  appraisalsOverdue!: boolean;

  @Field(() => [ExplanationToAnswer], { description: 'Explanation requests on the agency’s own leaves still to answer.' })
  explanationsToAnswer!: ExplanationToAnswer[];

  @Field(() => [ExplanationToDecide], { description: 'Leaves this agency appraises with an explanation request and no round 2 yet.' })
  explanationsToDecide!: ExplanationToDecide[];

  @Field(() => [Complaint], {
    description:
      'The agency’s own complaints after publication, open and resolved, in the order lodged; the coordinator’s to resolve are in coordinatorDuties.',
  })
  complaints!: Complaint[];

  @Field(() => [Adjustment], {
    description: 'Bonus and penalty proposals on the agency’s own assessment with their decisions; the coordinator’s to decide are in coordinatorDuties.',
  })
  adjustments!: Adjustment[];
}

@ObjectType()
export class AgencyResponsibilities {
  @Field(() => Agency)
  agency!: Agency;

  @Field(() => [CycleResponsibility], { description: 'Newest cycle first.' })
  cycles!: CycleResponsibility[];

  @Field(() => [AgencyResponsibilities], {
    description:
      'The duties of units merged into this agency (lineage), which it carries now: their appraisals in open cycles are this agency’s to give (the appraisal records both). Read with this agency’s read scope.',
  })
  carried!: AgencyResponsibilities[];

  // The coordination duties of Decision 2824 (Art. 3–17), on the day asked for (`on`), with those of units merged
  // into the agency by then: each with its deadline and status.
  @Field(() => CalendarDateScalar, { description: 'The day the duties below stand on (`on`, else today in Vietnam).' })
  on!: string;

  @Field(() => [Duty], { description: 'The work it leads (chủ trì): standing responsibilities, plans, proposals it appraises…' })
  leads!: Duty[];

  @Field(() => [Duty], { description: 'The work it coordinates (phối hợp).' })
  coordinates!: Duty[];

  @Field(() => [Duty], { description: 'The data it provides (the provincial index, …).' })
  providesDataFor!: Duty[];

  @Field(() => [Duty], { description: 'The reports it owes.' })
  reportsDue!: Duty[];

  @Field(() => [Duty], { description: 'The comments and opinions it owes.' })
  commentsDue!: Duty[];

  @Field(() => [Duty], { description: 'The inspections it leads or takes part in, and the follow-ups it owes.' })
  inspections!: Duty[];

  @Field(() => [Duty], { description: 'The decisions it owes (the People’s Committee’s, on proposals and plans).' })
  decisions!: Duty[];
}
