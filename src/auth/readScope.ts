import { frameworkCodeFor, participantOf } from '../domain/cycle/cycle';
import { DomainError } from '../domain/errors';
import { leavesOf } from '../domain/framework/framework';
import type { AgencyGroup } from '../domain/enums';
import type { Actor } from '../events/envelope';
import { streams } from '../events/parEvents';
import type { CycleDocument } from '../projections/cycles/cyclesProjection';
import type { AuditVisibility } from '../projections/auditTrail/auditVisibility';
import type { ReadModels } from '../projections/readModels';
import { rulesFor, type AgencyDataResource, type ScopeRule } from './readScopes';

/** One agency's assessment in one year, as far as who may read it is concerned. */
interface Subject {
  year: number;
  agencyCode: string;
  group: AgencyGroup;
  frameworkCode: string | null;
  finalised: boolean;
  published: boolean;
}

type Decision = { allowed: true } | { allowed: false; reason: string };

const ASSESSMENT_STREAM_PREFIX = 'assessment-';

const RULE_WORDS: Record<Exclude<ScopeRule, 'ALL'>, string> = {
  OWN_AGENCY: 'its own agency’s',
  APPRAISED: 'its own agency’s and those whose criteria it appraises',
  PUBLISHED_OR_FINALISED: 'finalised or published ones',
  NONE: 'none',
};

/**
 * The scope rule of the read-scope table, applied to documents: the one place that decides whether this
 * request's reader sees one agency's data of one year. Role-level access (NONE) was already checked by the auth
 * checker. One instance per request (scopeOf), so what it loads is loaded once per request.
 */
export class ReadScope {
  private readonly cycles = new Map<number, Promise<CycleDocument | null>>();
  private readonly finalised = new Map<string, Promise<ReadonlySet<string>>>();
  private readonly appraisedFrameworks = new Map<string, Promise<boolean>>();

  constructor(
    private readonly actor: Actor | null,
    private readonly read: ReadModels,
  ) {}

  /** Whether the reader may read `resource` of `agencyCode` in `year`. */
  async decide(resource: AgencyDataResource, year: number, agencyCode: string): Promise<Decision> {
    const rules = rulesFor(this.actor?.roles ?? [], resource);
    if (rules.includes('ALL')) return { allowed: true };
    const own = this.actor?.agency === agencyCode;
    if (own && (rules.includes('OWN_AGENCY') || rules.includes('APPRAISED'))) return { allowed: true };
    const subject = await this.subject(year, agencyCode);
    const readsAny = rules.some((r) => r !== 'NONE');
    if (subject && readsAny && (subject.finalised || subject.published)) return { allowed: true };
    if (subject && rules.includes('APPRAISED') && ((await this.appraises(subject.frameworkCode)) || (await this.namedAppraiser(year, agencyCode)))) {
      return { allowed: true };
    }
    const scopes = [...new Set(rules)].map((r) => RULE_WORDS[r as Exclude<ScopeRule, 'ALL'>]).join('; ');
    const state = subject
      ? `the ${year} assessment of ${agencyCode} is not finalised and the ${year} ${subject.group} ranking is not published`
      : `${agencyCode} is not assessed in a ${year} cycle`;
    const reader = `${this.actor?.roles.join('+') || 'no role'}${this.actor?.agency ? ` of ${this.actor.agency}` : ''}`;
    return {
      allowed: false,
      reason: `${resource} of ${agencyCode} ${year}: ${state}, and ${reader} reads ${scopes || 'none'} before then`,
    };
  }

  /** FORBIDDEN unless the reader may read it. */
  async check(resource: AgencyDataResource, year: number, agencyCode: string): Promise<void> {
    const decision = await this.decide(resource, year, agencyCode);
    if (!decision.allowed) throw new DomainError('FORBIDDEN', decision.reason);
  }

  /** Keeps the items the reader may read: lists are filtered, not refused. */
  async filter<T>(resource: AgencyDataResource, items: readonly T[], key: (item: T) => { year: number; agencyCode: string }): Promise<T[]> {
    const decisions = await Promise.all(items.map((item) => this.decide(resource, key(item).year, key(item).agencyCode)));
    return items.filter((_, i) => decisions[i].allowed);
  }

  /**
   * Which audit events the reader sees: null for all of them, else every event outside assessment streams plus
   * those of the assessment streams it may read (decided per stream by `decide`, like the assessments).
   */
  async auditVisibility(): Promise<AuditVisibility | null> {
    if (rulesFor(this.actor?.roles ?? [], 'auditTrail').includes('ALL')) return null;
    const visible: string[] = [];
    for (const cycle of await this.read.cycles()) {
      this.cycles.set(cycle.year, Promise.resolve(cycle));
      for (const p of cycle.participants) {
        if ((await this.decide('auditTrail', cycle.year, p.code)).allowed) visible.push(streams.assessment(cycle.year, p.code));
      }
    }
    return { hiddenPrefix: ASSESSMENT_STREAM_PREFIX, except: visible };
  }

  /** FORBIDDEN when a stream the reader asked for by name is an assessment stream it may not read. */
  async checkAuditStream(streamId: string, visibility: AuditVisibility | null): Promise<void> {
    if (!visibility || !streamId.startsWith(visibility.hiddenPrefix) || visibility.except.includes(streamId)) return;
    const match = /^assessment-(\d+)-(.+)$/.exec(streamId);
    const decision = match ? await this.decide('auditTrail', Number(match[1]), match[2]) : null;
    throw new DomainError(
      'FORBIDDEN',
      decision && !decision.allowed ? decision.reason : `auditTrail of ${streamId}: not readable with this token`,
      'filter.streamId',
    );
  }

  private cycle(year: number): Promise<CycleDocument | null> {
    let cycle = this.cycles.get(year);
    if (!cycle) this.cycles.set(year, (cycle = this.read.cycle(year)));
    return cycle;
  }

  private async subject(year: number, agencyCode: string): Promise<Subject | null> {
    const cycle = await this.cycle(year);
    const participant = cycle && participantOf(cycle, agencyCode);
    if (!cycle || !participant) return null;
    const group = participant.group;
    return {
      year,
      agencyCode,
      group,
      frameworkCode: frameworkCodeFor(cycle, group),
      finalised: (await this.finalisedIn(year, group)).has(agencyCode),
      published: cycle.published[group] !== undefined,
    };
  }

  /** The group's finalised agencies, from its ranking (which ranks exactly those). */
  private finalisedIn(year: number, group: AgencyGroup): Promise<ReadonlySet<string>> {
    const key = `${year}-${group}`;
    let set = this.finalised.get(key);
    if (!set) {
      set = this.read.ranking(year, group).then((r) => new Set((r?.finalized ?? []).map((f) => f.agencyCode)));
      this.finalised.set(key, set);
    }
    return set;
  }

  /** Whether the coordinator named the reader's agency to appraise some of this assessment's leaves (assignAppraiser). */
  private async namedAppraiser(year: number, agencyCode: string): Promise<boolean> {
    const agency = this.actor?.agency;
    if (!agency) return false;
    const assessment = await this.read.assessment(year, agencyCode);
    return Object.values(assessment?.state.appraisers ?? {}).includes(agency);
  }

  /** Whether the reader's agency appraises at least one leaf of the criteria set. */
  private appraises(frameworkCode: string | null): Promise<boolean> {
    const agency = this.actor?.agency;
    if (!agency || !frameworkCode) return Promise.resolve(false);
    let answer = this.appraisedFrameworks.get(frameworkCode);
    if (!answer) {
      answer = this.read.framework(frameworkCode).then((f) => !!f && leavesOf(f.areas).some((leaf) => leaf.appraiserCode === agency));
      this.appraisedFrameworks.set(frameworkCode, answer);
    }
    return answer;
  }
}

const scopes = new WeakMap<object, ReadScope>();

/** The request's ReadScope, made on first use. */
export function scopeOf(ctx: { actor: Actor | null; read: ReadModels }): ReadScope {
  let scope = scopes.get(ctx);
  if (!scope) scopes.set(ctx, (scope = new ReadScope(ctx.actor, ctx.read)));
  return scope;
}
