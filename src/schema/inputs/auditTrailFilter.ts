import { Field, ID, InputType } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';

@InputType()
export class AuditTrailFilter {
  @Field(() => ID, { nullable: true })
  @MaxChars(B.codeChars)
  agencyCode?: string | null;

  @Field({ nullable: true })
  @MaxChars(B.streamIdChars)
  streamId?: string;

  @Field(() => ID, { nullable: true, description: 'The actor’s `sub`.' })
  @MaxChars(B.actorChars)
  actor?: string | null;

  @Field({ nullable: true })
  @MaxChars(B.eventTypeChars)
  eventType?: string;

  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;
}
