import { Field, ID, InputType, Int } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';

@InputType({
  description:
    'Records, after the agency’s effective self-assessment deadline, that it sent no self-assessment: its self-assessed criteria score 0, its survey criteria count, and it can be finalised and ranked.',
})
export class RecordNonSubmissionInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field({ description: `Why, e.g. the reminder sent and left unanswered (kept in the audit trail). At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  reason!: string;
}
