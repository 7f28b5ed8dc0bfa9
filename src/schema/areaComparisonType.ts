import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Agency } from './agencyType';
import { AgencyGroup, AssessmentStatus, NotCountedReason } from './enums';
import { Framework } from './frameworkType';

@ObjectType({ description: 'One cell of the heat map: an agency’s sub-index in one area.' })
class AreaComparisonCell {
  @Field(() => ID)
  areaCode!: string;

  @Field(() => Float, { description: 'Final points in the area.' })
  points!: number;

  @Field(() => Float, { description: 'The area’s applicable maximum for this agency (criteria that do not apply left out).' })
  maxPoints!: number;

  @Field(() => Float, { nullable: true, description: 'points ÷ maxPoints × 100, unrounded; null when nothing in the area applies.' })
  indexPercent!: number | null;
}

@ObjectType({ description: 'One agency’s row of the heat map.' })
class AreaComparisonRow {
  @Field(() => Agency)
  agency!: Agency;

  @Field(() => AssessmentStatus, { description: 'FINALIZED: only finalised assessments are compared.' })
  status!: AssessmentStatus;

  @Field(() => Float, { nullable: true, description: 'The agency’s whole index, bonus and penalty included.' })
  indexPercent!: number | null;

  @Field(() => [AreaComparisonCell], { description: 'In the framework’s area order.' })
  areas!: AreaComparisonCell[];
}

@ObjectType({ description: 'An area with the spread of the group’s sub-indices (index %, unrounded).' })
class AreaSpread {
  @Field(() => ID)
  code!: string;

  @Field()
  title!: string;

  @Field(() => Float, { description: 'The area’s maximum in the framework.' })
  maxPoints!: number;

  @Field(() => Int, { description: 'Agencies with a sub-index in the area (those to which something in it applies).' })
  count!: number;

  @Field(() => Int, { description: 'Compared agencies to which nothing in the area applies: left out of the statistics, not counted as 0.' })
  notApplicable!: number;

  @Field(() => Float, { nullable: true })
  mean!: number | null;

  @Field(() => Float, { nullable: true, description: 'With an even count, the mean of the two middle values.' })
  median!: number | null;

  @Field(() => Float, { nullable: true })
  min!: number | null;

  @Field(() => Float, { nullable: true })
  max!: number | null;

  @Field(() => Float, { nullable: true, description: 'Population standard deviation (÷ count): the group is every compared agency, not a sample.' })
  standardDeviation!: number | null;
}

@ObjectType({ description: 'A participant of the group that has no row, and why.' })
class NotCountedAgency {
  @Field(() => Agency)
  agency!: Agency;

  @Field(() => AssessmentStatus, { nullable: true, description: 'Its assessment’s status; null without one.' })
  status!: AssessmentStatus | null;

  @Field(() => NotCountedReason)
  reason!: NotCountedReason;
}

@ObjectType({
  description:
    'A group’s area sub-indices in one year, agency × area (a heat map), with the spread of each area. Compared are the assessments a ranking counts: finalised, of participants not excluded from the ranking; the others are in `notCounted`, so a comparison made before every assessment is finalised says it is partial.',
})
export class AreaComparison {
  @Field(() => Int)
  year!: number;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => ID, { description: 'The criteria set the year’s group was assessed on: indices of different sets are not alike.' })
  frameworkCode!: string;

  @Field(() => Framework, { nullable: true, description: 'That criteria set, with its methodology and legal basis.' })
  framework!: Framework | null;

  @Field(() => [AreaSpread], { description: 'In the framework’s order.' })
  areas!: AreaSpread[];

  @Field(() => [AreaComparisonRow], { description: 'Agencies in Vietnamese name order.' })
  rows!: AreaComparisonRow[];

  @Field(() => [NotCountedAgency], { description: 'In Vietnamese name order.' })
  notCounted!: NotCountedAgency[];
}
