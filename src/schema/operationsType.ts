import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PROJECTION_STATES, type ProjectionState as RunnerProjectionState } from '../projections/runner/projectionRunner';

/** The runner's states (declared once, in the runner) as a GraphQL enum. */
const ProjectionState = Object.freeze(Object.fromEntries(PROJECTION_STATES.map((s) => [s, s]))) as { readonly [K in RunnerProjectionState]: K };
type ProjectionState = RunnerProjectionState;
registerEnumType(ProjectionState, {
  name: 'ProjectionState',
  valuesConfig: {
    RUNNING: { description: 'This instance applies new events to it.' },
    FOLLOWING: { description: 'Another instance (the lease holder) applies new events; this one reads its progress.' },
    REBUILDING: { description: 'A new generation is being built beside the live one, which still serves.' },
    FAILED: { description: 'Its projector threw: it stays before the failing event and is retried with back-off; the other read models go on.' },
  },
});

@ObjectType()
class RebuildProgress {
  @Field(() => Int)
  position!: number;

  @Field(() => Int)
  head!: number;
}

@ObjectType({ description: 'Why a read model stopped, and when it is tried again.' })
class ProjectionFailure {
  @Field(() => Int, { description: 'Global position of the event its projector failed on; the checkpoint is just before it.' })
  position!: number;

  @Field()
  eventType!: string;

  @Field()
  message!: string;

  @Field(() => Int, { description: 'Failed attempts on this event in a row; the wait doubles each time, from 1 s up to 60 s.' })
  attempts!: number;

  @Field()
  failedAt!: Date;

  @Field()
  nextRetryAt!: Date;
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

  @Field(() => ProjectionState)
  status!: ProjectionState;

  @Field(() => ProjectionFailure, { nullable: true, description: 'Set while the projection is FAILED.' })
  failure!: ProjectionFailure | null;
}

@ObjectType()
class ChainBreak {
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

  @Field(() => ChainBreak, {
    nullable: true,
    description: 'The first event whose position, link, content or stored form does not match, or that cannot be decoded.',
  })
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
