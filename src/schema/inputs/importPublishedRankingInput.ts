import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { AgencyGroup } from '../enums';
import { CalendarDateScalar } from '../scalars';
import { INPUT_BOUNDS as B, MaxChars, MaxItems, Nested } from '../inputBounds';

@InputType({ description: 'One line of the published ranking, as printed.' })
class ImportedRankingEntryInput {
  @Field(() => ID, { description: 'Need not be registered (historic units may predate the register); if it is, it must be of the ranking’s group.' })
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field({ description: 'The name as published that year.' })
  @MaxChars(B.nameChars)
  agencyName!: string;

  @Field(() => Float, { description: 'At least 0 and at most maxPoints; up to 4 decimals.' })
  totalPoints!: number;

  @Field(() => Float)
  maxPoints!: number;

  @Field(() => Float, { description: '0–100; within 0.01 of totalPoints ÷ maxPoints × 100 when maxPoints > 0.' })
  indexPercent!: number;

  @Field(() => Int, { description: 'From 1; a higher index never has a worse rank, ties share one.' })
  rank!: number;

  @Field(() => String, { nullable: true, description: 'The band printed, e.g. "Tốt".' })
  @MaxChars(B.labelChars)
  band?: string | null;
}

@InputType()
export class ImportPublishedRankingInput {
  @Field(() => Int)
  year!: number;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => ID, { nullable: true, description: 'The province-level jurisdiction whose ranking it is, e.g. "QNA".' })
  @MaxChars(B.codeChars)
  jurisdiction?: string | null;

  @Field({ description: `The People's Committee's decision that published it, e.g. "1234/QĐ-UBND". At most ${B.decisionNumberChars} characters.` })
  @MaxChars(B.decisionNumberChars)
  decisionNumber!: string;

  @Field(() => CalendarDateScalar, { description: 'The decision’s date, a calendar date such as 2020-03-15.' })
  decisionDate!: Date;

  @Field({ description: `Where the figures come from: a URL or a document reference. At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  source!: string;

  @Field(() => [ImportedRankingEntryInput])
  @MaxItems(B.importedEntries)
  @Nested()
  entries!: ImportedRankingEntryInput[];
}
