import { Field, ID, InputType, Int } from 'type-graphql';
import { SchedulePhase } from '../enums';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';

@InputType({ description: 'More time for one participating agency in one phase.' })
export class GrantExtensionInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field(() => SchedulePhase)
  phase!: SchedulePhase;

  @Field(() => Date, { description: 'In the future and, for SELF_ASSESSMENT and APPRAISAL, after the year’s deadline.' })
  until!: Date;

  @Field({ description: `Why (kept in the audit trail). At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  reason!: string;
}
