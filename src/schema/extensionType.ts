import { Field, ID, ObjectType } from 'type-graphql';
import { Agency } from './agencyType';
import { SchedulePhase } from './enums';

@ObjectType({
  description:
    'More time for one agency in one phase (grantExtension); the latest per agency and phase is in force. Listed by the cycle and, where it concerns the agency, by its responsibilities.',
})
export class Extension {
  @Field(() => Agency, { description: 'With the name valid this year.' })
  agency!: Agency;

  @Field(() => ID)
  agencyCode!: string;

  @Field(() => SchedulePhase)
  phase!: SchedulePhase;

  @Field(() => Date)
  until!: Date;

  @Field()
  reason!: string;

  @Field(() => Date)
  grantedAt!: Date;
}
