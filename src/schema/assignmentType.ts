import { Field, ID, ObjectType } from 'type-graphql';
import { TaskKind } from './enums';
import { CalendarDateScalar } from './scalars';

@ObjectType({ simpleResolvers: true, description: 'A standing responsibility of Decision 2824: who leads, who coordinates, on what clause, since when.' })
export class ResponsibilityAssignment {
  @Field(() => ID)
  code!: string;

  @Field(() => TaskKind)
  taskKind!: TaskKind;

  @Field(() => ID)
  lead!: string;

  @Field(() => [ID])
  coordinators!: string[];

  @Field()
  legalBasis!: string;

  @Field(() => CalendarDateScalar)
  effectiveFrom!: string;

  @Field(() => CalendarDateScalar, { nullable: true })
  effectiveUntil!: string | null;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true })
  area!: string | null;

  @Field(() => String, { nullable: true })
  criterionCode!: string | null;
}
