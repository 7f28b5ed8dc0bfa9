import { Field, ID, Int, ObjectType } from 'type-graphql';
import { JSONScalar } from './scalars';

@ObjectType({ description: 'Who did it, from the token of the request.' })
class AuditActor {
  @Field(() => ID)
  sub!: string;

  @Field()
  name!: string;

  @Field(() => ID, { nullable: true })
  agency!: string | null;

  @Field(() => [String])
  roles!: string[];
}

@ObjectType({ description: 'One recorded event, as the log holds it.' })
export class AuditEvent {
  @Field(() => Int, { description: 'Global position in the log.' })
  position!: number;

  @Field(() => ID)
  eventId!: string;

  @Field()
  type!: string;

  @Field(() => Int)
  schemaVersion!: number;

  @Field(() => Date)
  time!: Date;

  @Field(() => AuditActor)
  actor!: AuditActor;

  @Field()
  stream!: string;

  @Field(() => Int)
  streamVersion!: number;

  @Field(() => ID, { nullable: true })
  agencyCode!: string | null;

  @Field(() => ID)
  commandId!: string;

  @Field(() => ID)
  correlationId!: string;

  @Field(() => JSONScalar)
  data!: unknown;

  @Field({ description: 'SHA-256 of the previous event’s hash and this event’s canonical JSON.' })
  hash!: string;

  @Field()
  prevHash!: string;
}

@ObjectType()
class AuditEventEdge {
  @Field()
  cursor!: string;

  @Field(() => AuditEvent)
  node!: AuditEvent;
}

@ObjectType()
class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'A Relay connection over the audit trail, oldest first.' })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges!: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Events matching the filter.' })
  totalCount!: number;
}
