import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';

export const AdjustmentKind = { BONUS: 'BONUS', PENALTY: 'PENALTY' } as const;
export type AdjustmentKind = keyof typeof AdjustmentKind;
registerEnumType(AdjustmentKind, {
  name: 'AdjustmentKind',
  valuesConfig: {
    BONUS: { description: 'Bonus points (điểm thưởng), proposed by the agency until its self-assessment deadline; capped by Framework.bonusMaxPoints.' },
    PENALTY: {
      description: 'Penalty points (điểm trừ), proposed by the coordinator or an appraiser until finalisation; capped by Framework.penaltyMaxPoints.',
    },
  },
});

const AdjustmentStatus = { PROPOSED: 'PROPOSED', ACCEPTED: 'ACCEPTED', REJECTED: 'REJECTED' } as const;
registerEnumType(AdjustmentStatus, {
  name: 'AdjustmentStatus',
  valuesConfig: {
    PROPOSED: { description: 'Not decided yet: it blocks finalisation.' },
    ACCEPTED: { description: 'The coordinator accepted some or all of the points proposed (acceptedPoints > 0).' },
    REJECTED: { description: 'The coordinator accepted 0 points.' },
  },
});

@ObjectType({ description: 'A bonus or penalty proposal and the coordinator’s decision on it.' })
export class Adjustment {
  @Field(() => ID, { description: 'ADJ-1, ADJ-2, … in the order proposed within the assessment.' })
  id!: string;

  @Field(() => AdjustmentKind)
  kind!: AdjustmentKind;

  @Field(() => Float)
  proposedPoints!: number;

  @Field(() => Float, { nullable: true, description: 'Null until decided; 0 when rejected.' })
  acceptedPoints!: number | null;

  @Field()
  reason!: string;

  @Field(() => [String])
  evidence!: string[];

  @Field(() => ID, { nullable: true, description: 'The proposing agency.' })
  proposedBy!: string | null;

  @Field(() => Date)
  proposedAt!: Date;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => AdjustmentStatus)
  status!: keyof typeof AdjustmentStatus;
}
