import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, ID, Int, Resolver, Root, Subscription } from 'type-graphql';
import { AgencyGroup } from '../schema/enums';
import { Assessment } from '../schema/assessmentType';
import { INPUT_BOUNDS } from '../schema/inputBounds';
import { boundedArg } from '../schema/inputs/argBounds';
import { AuditEvent } from '../schema/auditType';
import { AuditTrailFilter } from '../schema/inputs/auditTrailFilter';
import { Ranking } from '../schema/rankingType';
import { AgencyResponsibilities } from '../schema/responsibilityType';
import type { Topic } from '../subscriptions/changeTopics';
import { liveMessages } from '../subscriptions/wakeups';
import { AssessmentResolver } from './assessmentResolver';
import { AuditTrailResolver, encodeCursor } from './auditTrailResolver';
import type { RequestContext } from './context';
import { RankingResolver } from './rankingResolver';
import { ResponsibilityResolver } from './responsibilityResolver';

interface Subscribed<Args> {
  args: Args;
  context: RequestContext;
  info: GraphQLResolveInfo;
}

const AUDIT_PAGE = 500;

/**
 * The answer of a query now, then again after each change of the read models that may concern it, when it
 * differs from the last one sent. Read by the query's own resolver with a fresh context each time, so the read
 * rules are the query's and a message is never older than a query answered before it. The first read happens
 * before the subscription is accepted: a reader who may not read it is refused (FORBIDDEN) at once.
 */
async function liveAnswer<T>(ctx: RequestContext, topic: Topic, read: (fresh: RequestContext) => Promise<T>) {
  // Watching starts before the first read, so a change between the two is not missed.
  const wakeups = ctx.changes.watch(topic);
  try {
    const first = await read(ctx.renew());
    let last = JSON.stringify(first);
    return liveMessages(wakeups, [first], async () => {
      const answer = await read(ctx.renew());
      const json = JSON.stringify(answer);
      if (json === last) return [];
      last = json;
      return [answer];
    });
  } catch (error) {
    wakeups.close();
    throw error;
  }
}

/**
 * Every audit event recorded after `after` (a cursor of the query auditTrail; from now on without it) that
 * `filter` selects and the reader may read, once each, in order. A client that lost its connection resumes from the
 * last event it got without a gap.
 */
async function liveAuditEvents({ args, context: ctx, info }: Subscribed<{ filter?: AuditTrailFilter | null; after?: string | null }>) {
  const wakeups = ctx.changes.watch({ kind: 'audit' });
  try {
    const audit = new AuditTrailResolver();
    let after = args.after ?? encodeCursor(ctx.projections.position());
    // Checks the filter and cursor against the reader's scope now (a stream it may not read is FORBIDDEN), as the
    // query does; what is already there after the cursor is sent at once.
    wakeups.wake();
    await audit.auditTrail(ctx.renew(), info, args.filter, 1, after);
    return liveMessages(wakeups, [], async () => {
      const nodes: unknown[] = [];
      for (;;) {
        const page = await audit.auditTrail(ctx.renew(), info, args.filter, AUDIT_PAGE, after);
        nodes.push(...page.edges.map((edge) => edge.node));
        if (page.pageInfo.endCursor) after = page.pageInfo.endCursor;
        if (!page.pageInfo.hasNextPage) return nodes;
      }
    });
  } catch (error) {
    wakeups.close();
    throw error;
  }
}

/** A message is the re-read answer, or the error re-reading it met (sent as that message's error). */
function message<T>(payload: T | Error): T {
  if (payload instanceof Error) throw payload;
  return payload;
}

/**
 * Live updates over graphql-ws (src/subscriptions/websocketServer.ts): each subscription answers what its query
 * answers, with the query's read rules; @Authorized refuses a role that may not read the resource at subscribe time.
 */
@Resolver()
export class SubscriptionResolver {
  @Authorized('assessments')
  @Subscription(() => Assessment, {
    nullable: true,
    description: 'The assessment as the query `assessment` answers it: now, then after each change to it.',
    subscribe: ({ args, context, info }: Subscribed<{ year: number; agencyCode: string }>) =>
      liveAnswer(context, { kind: 'assessment', year: args.year, key: args.agencyCode }, (ctx) =>
        new AssessmentResolver().assessment(ctx, args.year, args.agencyCode, info),
      ),
  })
  assessmentChanged(@Root() payload: unknown, @Arg('year', () => Int) _year: number, @Arg('agencyCode', () => ID) _agencyCode: string) {
    return message(payload);
  }

  @Authorized('rankings')
  @Subscription(() => Ranking, {
    nullable: true,
    description:
      'The group’s ranking as the query `ranking` answers it: now, then after each change to it (an assessment of the group finalised or reopened, a proposal, a publication, an import).',
    subscribe: ({ args, context, info }: Subscribed<{ year: number; group: AgencyGroup }>) =>
      liveAnswer(context, { kind: 'ranking', year: args.year, key: args.group }, (ctx) => new RankingResolver().ranking(ctx, args.year, args.group, info)),
  })
  rankingChanged(@Root() payload: unknown, @Arg('year', () => Int) _year: number, @Arg('group', () => AgencyGroup) _group: AgencyGroup) {
    return message(payload);
  }

  @Authorized('responsibilities')
  @Subscription(() => AgencyResponsibilities, {
    description: 'What the agency leads and owes, as the query `responsibilities` answers it: now, then after each change to it.',
    subscribe: ({ args, context }: Subscribed<{ agencyCode: string; year?: number | null }>) =>
      liveAnswer(context, { kind: 'duties', key: args.agencyCode }, (ctx) => new ResponsibilityResolver().responsibilities(ctx, args.agencyCode, args.year)),
  })
  dutiesChanged(@Root() payload: unknown, @Arg('agencyCode', () => ID) _agencyCode: string, @Arg('year', () => Int, { nullable: true }) _year?: number | null) {
    return message(payload);
  }

  @Authorized('auditTrail')
  @Subscription(() => AuditEvent, {
    description:
      'Each event recorded from now on (after `after`, a cursor of `auditTrail`, when given) that the filter selects and the reader may read (the query `auditTrail`’s rules), one message each, oldest first.',
    subscribe: (data: Subscribed<{ filter?: AuditTrailFilter | null; after?: string | null }>) => liveAuditEvents(data),
  })
  auditAppended(
    @Root() payload: unknown,
    @Arg('filter', () => AuditTrailFilter, { nullable: true }) _filter?: AuditTrailFilter | null,
    @Arg(
      'after',
      () => String,
      boundedArg('after', INPUT_BOUNDS.cursorChars, {
        nullable: true,
        description: 'Start after this cursor of the query `auditTrail` (an edge’s `cursor` or `pageInfo.endCursor`).',
      }),
    )
    _after?: string | null,
  ) {
    return message(payload);
  }
}
