import { Field, ID, InputType, Int } from 'type-graphql';
import { ComplaintOutcome } from '../enums';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';

@InputType({ description: 'The coordinator’s answer to a complaint: UPHELD (a correction follows) or REJECTED (with a comment).' })
export class ResolveComplaintInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field(() => ID, { description: 'Assessment.complaints.id, e.g. KN-1.' })
  @MaxChars(B.codeChars)
  complaintId!: string;

  @Field(() => ComplaintOutcome)
  outcome!: ComplaintOutcome;

  @Field(() => String, { nullable: true, description: `Required when rejecting. At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  comment?: string | null;
}
