import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Agency } from './agencyType';
import { AgencyGroup, RankingStatus, TrendRelation } from './enums';
import { Framework } from './frameworkType';
import { LineageKind } from './lineageTypes';
import { RatingBand } from './ratingBandType';

@ObjectType({ simpleResolvers: true, description: 'A ranking an analysis read: its status, where it comes from, and the criteria set it was scored on.' })
class ComparedRanking {
  @Field(() => Int)
  year!: number;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => RankingStatus)
  status!: RankingStatus;

  @Field({ description: 'Recorded as published elsewhere (importPublishedRanking): no criteria set is known for it.' })
  imported!: boolean;

  @Field(() => String, { nullable: true, description: 'Where an imported ranking comes from.' })
  source!: string | null;

  @Field(() => ID, { nullable: true, description: 'The jurisdiction an imported ranking names.' })
  jurisdiction!: string | null;

  @Field(() => Int, { description: 'How many agencies it ranks.' })
  groupSize!: number;

  @Field(() => ID, { nullable: true, description: 'The criteria set the year’s group was scored on; null for an imported ranking (not known).' })
  frameworkCode!: string | null;

  @Field(() => Framework, { nullable: true, description: 'That criteria set, with its methodology and legal basis.' })
  framework!: Framework | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One year of an agency’s trend: the place of the agency, or of a unit it continues, in that year’s ranking.',
})
class AgencyTrendPoint {
  @Field(() => Int)
  year!: number;

  @Field(() => ID, { description: 'The unit the year belongs to: the agency, or a predecessor.' })
  agencyCode!: string;

  @Field({ description: 'Its name that year, as the ranking printed it.' })
  agencyName!: string;

  @Field(() => TrendRelation)
  relation!: TrendRelation;

  @Field(() => [ID], { description: 'From the unit to the agency asked about, both included: ["STTTT", "SKHCN"]; the agency alone for its own years.' })
  lineagePath!: string[];

  @Field(() => LineageKind, { nullable: true, description: 'How the unit led to the next unit on the path; null for the agency’s own years.' })
  lineageKind!: string | null;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => Float, { nullable: true, description: 'Index %, unrounded: the figure to compare across years.' })
  indexPercent!: number | null;

  @Field(() => Float, { description: 'Points on that year’s criteria set: not comparable across sets.' })
  totalPoints!: number;

  @Field(() => Float)
  maxPoints!: number;

  @Field(() => Int, { description: '0 when nothing applied.' })
  rank!: number;

  @Field(() => Int, { description: 'How many agencies that year’s ranking ranks.' })
  groupSize!: number;

  @Field(() => RatingBand, { nullable: true })
  band!: RatingBand | null;

  @Field(() => RankingStatus)
  status!: RankingStatus;

  @Field()
  imported!: boolean;

  @Field(() => String, { nullable: true, description: 'Where an imported year comes from.' })
  source!: string | null;

  @Field(() => ID, { nullable: true, description: 'The criteria set of the year; null when imported (not known).' })
  frameworkCode!: string | null;

  @Field(() => Framework, { nullable: true })
  framework!: Framework | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'An agency’s place year by year, oldest first, in the ranking served for each year (PAR Ledger’s own once published, else an imported one listing it, else PAR Ledger’s own as it stands); with `followLineage`, also the years of the units merged or split into it, transitively, labelled.',
})
export class AgencyTrend {
  @Field(() => Agency, { description: 'As it is, or was last.' })
  agency!: Agency;

  @Field(() => Int, { nullable: true })
  fromYear!: number | null;

  @Field(() => Int, { nullable: true })
  toYear!: number | null;

  @Field()
  followLineage!: boolean;

  @Field(() => [AgencyTrendPoint], { description: 'By year; in a year the agency’s own first, then its predecessors nearest first.' })
  points!: AgencyTrendPoint[];

  @Field({ description: 'The years shown were scored on different criteria sets, or some on an unknown one (imported): compare indices, not points.' })
  frameworksDiffer!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'What an analyst must know about the criteria sets, in Vietnamese; null when one set covers every year.',
  })
  note!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'An agency of the year’s ranking with its match in the compared year’s.' })
class RankingMove {
  @Field(() => ID)
  agencyCode!: string;

  @Field({ description: 'Its name in the year.' })
  agencyName!: string;

  @Field(() => Int)
  rank!: number;

  @Field(() => Int)
  previousRank!: number;

  @Field(() => Int, { nullable: true, description: 'previousRank − rank: positive when it moved up; null when either is 0 (nothing applied).' })
  rankChange!: number | null;

  @Field(() => Float, { nullable: true })
  indexPercent!: number | null;

  @Field(() => Float, { nullable: true })
  previousIndexPercent!: number | null;

  @Field(() => Float, { nullable: true, description: 'indexPercent − previousIndexPercent, in points of index.' })
  indexChange!: number | null;

  @Field(() => ID, { description: 'The compared entry whose figures are the previous ones: its own code, or the best-ranked unit matched.' })
  previousAgencyCode!: string;

  @Field({ description: 'That entry’s name in the compared year.' })
  previousAgencyName!: string;

  @Field(() => [ID], {
    description:
      'Empty when matched by its own code. Otherwise the compared year’s units matched through lineage, best-ranked first: the nearest predecessors in that ranking (successors, when the compared year is later), transitively. A unit formed by merging several matches them all and takes the previous figures of the best-ranked; each part of a split matches the unit split.',
  })
  matchedThrough!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'An entry of one of the two rankings with no counterpart in the other.' })
class UnmatchedEntry {
  @Field(() => ID)
  agencyCode!: string;

  @Field({ description: 'Its name in the ranking it is in.' })
  agencyName!: string;

  @Field(() => Int)
  rank!: number;

  @Field(() => Float, { nullable: true })
  indexPercent!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'An entry of the compared year matched by nobody in the year.' })
class DisappearedEntry extends UnmatchedEntry {
  @Field(() => [ID], {
    description: 'The year’s ranked units its lineage leads to (e.g. the unit it merged into, which ranks under its own code both years); empty when none.',
  })
  continuedBy!: string[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'How a group’s ranking of `year` moved against that of `comparedToYear`, agency by agency, matched through lineage.',
})
export class RankingChanges {
  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  comparedToYear!: number;

  @Field(() => ComparedRanking, { description: 'The ranking of `year`, as the query `ranking` serves it.' })
  ranking!: ComparedRanking;

  @Field(() => ComparedRanking, { description: 'The ranking of `comparedToYear`.' })
  comparedRanking!: ComparedRanking;

  @Field(() => [RankingMove], { description: 'In the order of the year’s ranking.' })
  moves!: RankingMove[];

  @Field(() => [UnmatchedEntry], { description: 'In the year’s ranking with no match in the compared one; by rank.' })
  appeared!: UnmatchedEntry[];

  @Field(() => [DisappearedEntry], { description: 'In the compared ranking, matched by no entry of the year’s; by rank.' })
  disappeared!: DisappearedEntry[];

  @Field({ description: 'The two years were scored on different criteria sets, or one on an unknown one (imported): compare indices, not ranks alone.' })
  frameworksDiffer!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'What an analyst must know about the criteria sets, in Vietnamese; null when one set covers both years.',
  })
  note!: string | null;
}
