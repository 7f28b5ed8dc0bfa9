import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Agency } from './agencyType';
import { AgencyGroup, RankingStatus } from './enums';
import { RatingBand } from './ratingBandType';
import { CalendarDateScalar } from './scalars';

@ObjectType({ simpleResolvers: true })
class RankingEntry {
  @Field(() => Int, { description: 'Equal indices share a rank (1, 2, 2, 4); 0 when nothing applied.' })
  rank!: number;

  @Field(() => Agency, { description: 'With the name valid in the ranking’s year.' })
  agency!: Agency;

  @Field(() => Float)
  totalPoints!: number;

  @Field(() => Float)
  maxPoints!: number;

  @Field(() => Float, { nullable: true, description: 'Unrounded; ranks compare exact values.' })
  indexPercent!: number | null;

  @Field(() => RatingBand, { nullable: true, description: 'The band of the group this year that the index reaches; null without bands or index.' })
  band!: RatingBand | null;
}

@ObjectType({ simpleResolvers: true, description: 'An agency left out of the group’s ranking this year (e.g. a unit dissolved during the year).' })
class NotRankedAgency {
  @Field(() => Agency, { description: 'With the name valid in the ranking’s year.' })
  agency!: Agency;

  @Field({ description: 'Why it takes no place in the ranking, as the coordinator recorded it.' })
  reason!: string;
}

@ObjectType({ simpleResolvers: true, description: 'How one agency’s place moved from the previous publication to the latest (null: not listed in that one).' })
class RankingChange {
  @Field(() => Agency)
  agency!: Agency;

  @Field(() => Int, { nullable: true })
  rankBefore!: number | null;

  @Field(() => Int, { nullable: true })
  rankAfter!: number | null;

  @Field(() => Float, { nullable: true })
  indexBefore!: number | null;

  @Field(() => Float, { nullable: true })
  indexAfter!: number | null;

  @Field(() => Float, { nullable: true })
  totalPointsBefore!: number | null;

  @Field(() => Float, { nullable: true })
  totalPointsAfter!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A group’s ranking in one year: the published one once issued, otherwise provisional over finalised assessments.',
})
export class Ranking {
  @Field(() => Int)
  year!: number;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field({ description: 'Recorded as published elsewhere (importPublishedRanking), not run in PAR Ledger: figures as printed, no assessments behind them.' })
  imported!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Where an imported ranking’s figures come from (a URL, a document reference); null for PAR Ledger’s own.',
  })
  source!: string | null;

  @Field(() => String, { nullable: true, description: 'The province-level jurisdiction an imported ranking names; null when it names none.' })
  jurisdiction!: string | null;

  @Field()
  published!: boolean;

  @Field(() => RankingStatus, { description: 'PUBLISHED once published; otherwise PROPOSED while SNV’s proposal stands, else PROVISIONAL.' })
  status!: RankingStatus;

  @Field(() => Date, { nullable: true, description: 'When SNV proposed the ranking awaiting publication (null when none is pending).' })
  proposedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'For an imported ranking, the start of its decision’s date.' })
  publishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the latest publication replaced an earlier one.' })
  republishReason!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The number of the People’s Committee’s decision behind the latest publication, e.g. "123/QĐ-UBND"; null before publication and for publications logged without one.',
  })
  decisionNumber!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'That decision’s date.' })
  decisionDate!: string | null;

  @Field(() => Int, { description: 'How many times the ranking was published (1 + republications).' })
  publicationCount!: number;

  @Field(() => [RankingEntry], { description: 'As published; before that, as proposed by SNV; before that, provisional.' })
  entries!: RankingEntry[];

  @Field(() => [RankingChange], {
    description:
      'Per agency whose rank, index or total moved, the latest publication against the one before it (a republication after a correction); empty otherwise.',
  })
  changes!: RankingChange[];

  @Field(() => [NotRankedAgency], { description: 'Participants left out of this ranking (excludeFromRanking), oldest first.' })
  notRanked!: NotRankedAgency[];
}
