import { Field, Float, ObjectType } from 'type-graphql';
import { AgencyGroup } from './enums';

@ObjectType({
  simpleResolvers: true,
  description: 'A rating band (xếp loại), e.g. "Xuất sắc" from 90 %; thresholds are set per cycle, and may differ per group.',
})
export class RatingBand {
  @Field()
  label!: string;

  @Field(() => Float, { description: 'Lowest index % (inclusive) that earns the band.' })
  minIndexPercent!: number;
}

@ObjectType({ simpleResolvers: true, description: 'The bands one group is rated on, replacing the cycle’s default bands for it.' })
export class GroupBands {
  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => [RatingBand])
  bands!: RatingBand[];
}
