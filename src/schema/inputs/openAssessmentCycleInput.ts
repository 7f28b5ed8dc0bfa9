import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { AgencyGroup } from '../enums';
import { INPUT_BOUNDS as B, MaxChars, MaxCharsEach, MaxItems, Nested } from '../inputBounds';

@InputType()
class BandInput {
  @Field({ description: 'E.g. "Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu".' })
  @MaxChars(B.labelChars)
  label!: string;

  @Field(() => Float, { description: 'Lowest index % (inclusive) for the band.' })
  minIndexPercent!: number;
}

@InputType({ description: 'Bands for one agency group, replacing the cycle’s default `bands` for it.' })
class GroupBandsInput {
  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => [BandInput], { description: `At most ${B.bands}.` })
  @MaxItems(B.bands)
  @Nested()
  bands!: BandInput[];
}

@InputType()
export class OpenAssessmentCycleInput {
  @Field(() => Int)
  year!: number;

  @Field(() => [ID], { description: 'One published framework per agency group.' })
  @MaxItems(B.cycleFrameworks)
  @MaxCharsEach(B.codeChars)
  frameworkCodes!: string[];

  @Field(() => Date)
  selfAssessmentDeadline!: Date;

  @Field(() => Date)
  appraisalDeadline!: Date;

  @Field(() => [BandInput], { nullable: true, description: `At most ${B.bands}.` })
  @MaxItems(B.bands)
  @Nested()
  bands?: BandInput[] | null;

  @Field(() => [GroupBandsInput], { nullable: true, description: 'Per group, bands that override `bands` (e.g. districts rated on other thresholds).' })
  @MaxItems(B.cycleFrameworks)
  @Nested()
  groupBands?: GroupBandsInput[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Agencies to assess (each must have been active during the year); by default every agency of the covered groups active during the year.',
  })
  @MaxItems(B.cycleAgencies)
  @MaxCharsEach(B.codeChars)
  agencyCodes?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Only the agencies of this jurisdiction (e.g. "QNA"); by default of every jurisdiction.' })
  @MaxChars(B.codeChars)
  jurisdiction?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Leave every agency that ended during the year (merged, split, dissolved) out of the ranking at once, with the reason its lineage gives. By default they are kept and listed in `Cycle.endedDuringYear`, for excludeFromRanking one by one.',
  })
  excludeEndedMidYear?: boolean | null;
}
