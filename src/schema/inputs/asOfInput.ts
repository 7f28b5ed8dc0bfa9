import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'A past point of the log: a global position, a time, or both (the earlier wins).' })
export class AsOfInput {
  @Field(() => Int, { nullable: true, description: 'Include events up to this global position (see auditTrail).' })
  position?: number | null;

  @Field(() => Date, { nullable: true, description: 'Include events recorded up to this time.' })
  time?: Date | null;
}
