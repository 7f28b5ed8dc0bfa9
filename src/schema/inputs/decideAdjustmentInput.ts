import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';

@InputType({ description: 'The coordinator’s decision on a bonus or penalty proposal, before finalisation: 0 rejects it.' })
export class DecideAdjustmentInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field(() => ID, { description: 'Assessment.adjustments.id, e.g. ADJ-1.' })
  @MaxChars(B.codeChars)
  adjustmentId!: string;

  @Field(() => Float, { description: '0 (reject) up to the points proposed, up to 4 decimals.' })
  acceptedPoints!: number;

  @Field(() => String, { nullable: true, description: `Required when rejecting or accepting in part. At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  comment?: string | null;
}
