import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { AdjustmentKind } from '../adjustmentType';
import { INPUT_BOUNDS as B, MaxChars, MaxCharsEach, MaxItems } from '../inputBounds';

@InputType({
  description:
    'Proposes bonus points (by the agency’s officer, until its self-assessment deadline) or penalty points (by the coordinator or an appraiser, until finalisation), up to the framework’s cap; the coordinator decides (decideAdjustment).',
})
export class ProposeAdjustmentInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field(() => AdjustmentKind)
  kind!: AdjustmentKind;

  @Field(() => Float, { description: 'More than 0, at most the framework’s cap for the kind, up to 4 decimals.' })
  points!: number;

  @Field({ description: `Why (kept in the audit trail). At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  reason!: string;

  @Field(() => [String], { description: `At least one piece of evidence (tài liệu kiểm chứng), each at most ${B.evidenceChars} characters.` })
  @MaxItems(B.evidenceItems)
  @MaxCharsEach(B.evidenceChars)
  evidence!: string[];
}
