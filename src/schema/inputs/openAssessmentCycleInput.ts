import { ArrayMaxSize, MaxLength } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType()
export class BandInput {
  @Field({ description: 'E.g. "Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu".' })
  @MaxLength(100)
  label!: string;

  @Field(() => Float, { description: 'Lowest index % (inclusive) for the band.' })
  minIndexPercent!: number;
}

@InputType()
export class OpenAssessmentCycleInput {
  @Field(() => Int)
  year!: number;

  @Field(() => [ID], { description: 'One published framework per agency group.' })
  @ArrayMaxSize(10)
  frameworkCodes!: string[];

  @Field(() => Date)
  selfAssessmentDeadline!: Date;

  @Field(() => Date)
  appraisalDeadline!: Date;

  @Field(() => [BandInput], { nullable: true })
  @ArrayMaxSize(20)
  bands?: BandInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Agencies to assess; by default every registered agency of the covered groups.' })
  @ArrayMaxSize(1000)
  agencyCodes?: string[] | null;
}
