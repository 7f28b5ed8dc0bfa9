import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class RebuildProgress {
  @Field(() => Int)
  position!: number;

  @Field(() => Int)
  head!: number;
}

@ObjectType({ description: 'A read model and how far it has applied the log.' })
export class ProjectionStatus {
  @Field()
  name!: string;

  @Field(() => Int, { description: 'Events this instance applied since it started; 0 on an instance that follows another.' })
  appliedSinceStart!: number;

  @Field(() => Int)
  version!: number;

  @Field(() => Int, { description: 'Rebuilds replay into a new generation beside the live one.' })
  generation!: number;

  @Field(() => Int, { description: 'Global position of the last event applied.' })
  checkpoint!: number;

  @Field(() => RebuildProgress, { nullable: true })
  rebuilding!: RebuildProgress | null;
}

@ObjectType()
export class ChainBreak {
  @Field(() => Int)
  position!: number;

  @Field()
  reason!: string;
}

@ObjectType({
  description:
    'The result of checking the hash chain. An ordinary check continues from the last verified event (kept by the service), so it costs only the new events; `logVerification(full: true)` re-checks the whole log and is rate-limited.',
})
export class LogVerification {
  @Field(() => Int, { description: 'Events known intact from the start of the log (the position of the last one).' })
  checked!: number;

  @Field({ description: 'Hash of the last valid event: export it, and compare later to detect rewriting.' })
  headHash!: string;

  @Field(() => ChainBreak, { nullable: true, description: 'The first event whose position, link, content or stored form does not match, or that cannot be decoded.' })
  firstBreak!: ChainBreak | null;

  @Field({ description: 'Whether this check continued from the last verified event instead of the start of the log.' })
  incremental!: boolean;

  @Field(() => Int, { description: 'The first position this check recomputed (1 for a check of the whole log).' })
  checkedFrom!: number;

  @Field(() => Date, { description: 'When this check ran.' })
  verifiedAt!: Date;
}

@ObjectType({ description: 'The service process that answered: several may share the stores.' })
export class ServiceInstance {
  @Field()
  id!: string;

  @Field({ description: 'Whether this instance holds the projection lease and advances the read models.' })
  leader!: boolean;

  @Field(() => Int, { description: 'Global position every read model of this instance has reached.' })
  position!: number;
}
