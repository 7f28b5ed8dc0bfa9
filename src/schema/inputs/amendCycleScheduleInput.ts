import { Field, InputType, Int } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';

@InputType({ description: 'New deadlines of the year for every agency; extensions granted to single agencies stay in force.' })
export class AmendCycleScheduleInput {
  @Field(() => Int)
  year!: number;

  @Field(() => Date)
  selfAssessmentDeadline!: Date;

  @Field(() => Date, { description: 'Not before selfAssessmentDeadline.' })
  appraisalDeadline!: Date;

  @Field({ description: `Why the schedule moves (kept in the audit trail). At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  reason!: string;
}
