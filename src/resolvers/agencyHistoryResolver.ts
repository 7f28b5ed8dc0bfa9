import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AgencyDocument } from '../projections/agencies/agencyDocument';
import { jurisdictionName, type AgencyRow } from '../projections/agencies/agencyView';
import { Agency } from '../schema/agencyType';
import { AgencyName, Jurisdiction, Lineage, LineageLink } from '../schema/lineageTypes';
import { CalendarDateScalar } from '../schema/scalars';
import type { RequestContext } from './context';

/** Any Agency of the schema: a row read for a day (agencies, agency) or a participant of a cycle ({ code, name, group }). */
type AgencyRoot = Pick<AgencyRow, 'code' | 'name' | 'group'> & Partial<AgencyRow> & { asOfDoc?: AgencyDocument };

/**
 * An agency's history, for every Agency in the schema whatever it was read for: its document is loaded once per
 * request and code (ctx.loaders.agency), so a list asking for lineage fields costs one batched read.
 */
@Resolver(() => Agency)
export class AgencyHistoryResolver {
  /** The history the root was read from: as of a past position (agency(asOf)), else the current one. */
  private async doc(ctx: RequestContext, agency: AgencyRoot): Promise<AgencyDocument | null> {
    return agency.asOfDoc ?? ctx.loaders.agency.load(agency.code);
  }

  @FieldResolver(() => Jurisdiction, { description: 'The province-level jurisdiction it belonged to on the day read for (or belongs to now).' })
  async jurisdiction(@Root() agency: AgencyRoot, @Ctx() ctx: RequestContext) {
    ctx.answerSources.untracked = true;
    const doc = await this.doc(ctx, agency);
    const { code, jurisdictions } = doc
      ? await ctx.read.agencyHistory.jurisdictionOf(doc, agency.viewedOn ?? null)
      : { code: agency.jurisdictionCode ?? '', jurisdictions: await ctx.read.agencyHistory.jurisdictions() };
    const found = jurisdictions.get(agency.jurisdictionCode ?? code);
    return found ?? { code, name: jurisdictionName(code, jurisdictions), activeFrom: null, activeUntil: null, predecessors: [], successors: [] };
  }

  @FieldResolver(() => CalendarDateScalar, { nullable: true, description: 'Its first day; null: before the register began.' })
  async activeFrom(@Root() agency: AgencyRoot, @Ctx() ctx: RequestContext) {
    return (await this.doc(ctx, agency))?.activeFrom ?? null;
  }

  @FieldResolver(() => CalendarDateScalar, { nullable: true, description: 'Its last day (merged, split or dissolved); null while it exists.' })
  async activeUntil(@Root() agency: AgencyRoot, @Ctx() ctx: RequestContext) {
    return (await this.doc(ctx, agency))?.activeUntil ?? null;
  }

  @FieldResolver(() => [AgencyName], { description: 'Every name it had, oldest first, with the decision behind each rename.' })
  async names(@Root() agency: AgencyRoot, @Ctx() ctx: RequestContext) {
    return (await this.doc(ctx, agency))?.names ?? [];
  }

  @FieldResolver(() => [LineageLink], { description: 'The units merged or split into it.' })
  async predecessors(@Root() agency: AgencyRoot, @Ctx() ctx: RequestContext) {
    const doc = await this.doc(ctx, agency);
    return doc ? ctx.read.agencyHistory.links(doc, 'predecessors') : [];
  }

  @FieldResolver(() => [LineageLink], { description: 'The units it was merged or split into.' })
  async successors(@Root() agency: AgencyRoot, @Ctx() ctx: RequestContext) {
    const doc = await this.doc(ctx, agency);
    return doc ? ctx.read.agencyHistory.links(doc, 'successors') : [];
  }

  @FieldResolver(() => Lineage, { description: 'The whole graph of units it is connected to, with the legal basis of each edge.' })
  lineage(@Root() agency: AgencyRoot, @Ctx() ctx: RequestContext) {
    ctx.answerSources.untracked = true;
    return ctx.read.agencyHistory.lineage(agency.code);
  }
}
