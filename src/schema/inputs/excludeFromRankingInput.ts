import { Field, ID, InputType, Int } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';

@InputType({ description: 'Leaves one participating agency out of its group’s ranking of the year, before that ranking is published.' })
export class ExcludeFromRankingInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field({
    description: `Why, e.g. "Giải thể theo Nghị quyết số …" (kept in the audit trail and shown in Ranking.notRanked). At most ${B.textChars} characters.`,
  })
  @MaxChars(B.textChars)
  reason!: string;
}
