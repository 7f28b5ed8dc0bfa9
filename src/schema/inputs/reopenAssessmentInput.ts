import { Field, ID, InputType, Int } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';

@InputType({ description: 'Reopens a finalised assessment for a correction (COORDINATOR), e.g. after an upheld complaint.' })
export class ReopenAssessmentInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field({ description: `Why, e.g. "Khiếu nại KN-1 được chấp nhận" (kept in the audit trail). At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  reason!: string;
}
