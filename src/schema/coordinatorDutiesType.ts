import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AdjustmentKind } from './adjustmentType';
import { Agency } from './agencyType';
import { AgencyGroup } from './enums';

@ObjectType({ description: 'An agency’s complaint the coordinator has not resolved yet (resolveComplaint).' })
class ComplaintToResolve {
  @Field(() => Agency, { description: 'With the name valid this year.' })
  agency!: Agency;

  @Field(() => ID, { description: 'The complaint’s id within the agency’s assessment (KN-1, …).' })
  id!: string;

  @Field(() => ID)
  criterionCode!: string;

  @Field()
  text!: string;

  @Field(() => Date)
  lodgedAt!: Date;

  @Field(() => Date, { description: 'When the publication the complaint answers was issued.' })
  publishedAt!: Date;
}

@ObjectType({ description: 'A bonus or penalty proposal the coordinator has not decided yet (decideAdjustment); it blocks finalisation.' })
class AdjustmentToDecide {
  @Field(() => Agency, { description: 'The assessed agency, with the name valid this year.' })
  agency!: Agency;

  @Field(() => ID, { description: 'The proposal’s id within the agency’s assessment (ADJ-1, …).' })
  id!: string;

  @Field(() => AdjustmentKind)
  kind!: AdjustmentKind;

  @Field(() => Float, { description: 'The points proposed.' })
  points!: number;

  @Field()
  reason!: string;

  @Field(() => [String])
  evidence!: string[];

  @Field(() => ID, { nullable: true, description: 'The proposing agency.' })
  proposedBy!: string | null;

  @Field(() => Date)
  proposedAt!: Date;
}

@ObjectType({ description: 'A participant’s assessment still to finalise (finalizeAssessment): never finalised, or reopened since.' })
class AssessmentToFinalize {
  @Field(() => Agency, { description: 'With the name valid this year.' })
  agency!: Agency;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => Date, { nullable: true, description: 'Set when the assessment was finalised and reopened for a correction (reopenAssessment).' })
  reopenedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was reopened.' })
  reopenReason!: string | null;
}

@ObjectType({
  description:
    'What the coordinating role (SNV’s coordinators) still has to do in one year. A role, not one agency: it is read by COORDINATOR and ADMIN, and by PROVINCIAL_LEADER and INSPECTOR, never through an agency’s `responsibilities` (whose readers include that agency’s officers).',
})
export class CoordinatorDuties {
  @Field(() => Int)
  year!: number;

  @Field(() => [ComplaintToResolve], { description: 'Open complaints of every agency, in the order lodged.' })
  complaintsToResolve!: ComplaintToResolve[];

  @Field(() => [AdjustmentToDecide], { description: 'Undecided bonus and penalty proposals of every agency, in the order proposed.' })
  adjustmentsToDecide!: AdjustmentToDecide[];

  @Field(() => [AssessmentToFinalize], {
    description:
      'Participants neither finalised nor excluded from the ranking (excludeFromRanking), in the cycle’s order; a reopened one comes last until finalised again.',
  })
  assessmentsToFinalize!: AssessmentToFinalize[];
}
