import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class AuditTrailFilter {
  @Field(() => ID, { nullable: true })
  agencyCode?: string | null;

  @Field({ nullable: true })
  streamId?: string;

  @Field(() => ID, { nullable: true, description: 'The actor’s `sub`.' })
  actor?: string | null;

  @Field({ nullable: true })
  eventType?: string;

  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;
}
