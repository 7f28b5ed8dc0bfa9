import { ROLES, type Role } from './authorization';

/**
 * Who may read what: the one table. The mutation table (`allowed` in src/commands/authorization.ts) says who may
 * change what; this one says, per readable resource and role, which documents the role sees.
 *
 * Rules for agency data (one agency's assessment of one year, the audit events of its stream, the agency's
 * responsibilities of that year). Such a document is **public** once the assessment is finalised or the
 * ranking of its group for that year is published: every role that reads the resource at all then sees it.
 * - `ALL`: every document.
 * - `OWN_AGENCY`: the documents of the agency in the token's `agency` claim, and public ones.
 * - `APPRAISED`: the token's own agency's, those of every assessment whose criteria set has at least one leaf
 *   the token's agency appraises (Decision 2824: the appraiser needs the whole picture), and public ones.
 * - `PUBLISHED_OR_FINALISED`: public ones only (no drafts).
 * - `NONE`: refused with FORBIDDEN, whatever the document.
 * Resources that are not agency data are `ALL` or `NONE`: they hold nothing an agency keeps to itself
 * (agencies, criteria sets, cycles; a ranking, provisional or published, lists finalised results only).
 *
 * A token with several roles reads what the most generous of them allows. Lists are filtered to what the reader
 * may see; asking for one document outside the scope answers FORBIDDEN on that field.
 */
export type ScopeRule = 'ALL' | 'OWN_AGENCY' | 'APPRAISED' | 'PUBLISHED_OR_FINALISED' | 'NONE';

/** Resources whose documents belong to one agency and one year. */
const AGENCY_DATA_RESOURCES = ['assessments', 'responsibilities', 'auditTrail'] as const;
export type AgencyDataResource = (typeof AGENCY_DATA_RESOURCES)[number];

export const READ_RESOURCES = [
  'agencies',
  'frameworks',
  'cycles',
  'rankings',
  'areaComparison',
  'agencyTrend',
  'rankingChanges',
  ...AGENCY_DATA_RESOURCES,
  'coordinatorDuties',
  'workload',
  'assignments',
  'provincialIndex',
  'projections',
  'logVerification',
  'surveys',
  'plans',
  'proposals',
  'commendations',
  'reportings',
  'regulationIssues',
  'inspections',
] as const;
export type ReadResource = (typeof READ_RESOURCES)[number];

type RoleLevel = 'ALL' | 'NONE';
type ScopeTable = {
  [R in ReadResource]: Record<Role, R extends AgencyDataResource ? ScopeRule : RoleLevel>;
};

const everyone = (): Record<Role, RoleLevel> => Object.fromEntries(ROLES.map((r) => [r, 'ALL'])) as Record<Role, RoleLevel>;

export const READ_SCOPES: ScopeTable = {
  // Queries `agencies`, `agency`: who takes part is public.
  agencies: everyone(),
  // Queries `framework`, `frameworks`: criteria sets are published to be read.
  frameworks: everyone(),
  // Queries `cycle`, `cycles`: years, deadlines, participants, which rankings are out.
  cycles: everyone(),
  // Queries `ranking`, `rankingHistory`: published rankings, and provisional ones over finalised assessments only.
  rankings: everyone(),
  // Query `areaComparison`: every compared agency's area sub-indices and the group's spread. It compares finalised
  // assessments only, which are public (see above), so it is read like the ranking built from them: by everyone,
  // an agency officer included, as it reads other agencies' finalised assessments and the ranking.
  areaComparison: everyone(),
  // Queries `agencyTrend` (and GET /exports/trend.xlsx) and `rankingChanges`: figures of the years' rankings as the
  // query `ranking` serves them (published, imported as published, or provisional over finalised results), with the
  // agencies' lineage, which is public: read like the rankings, by everyone.
  agencyTrend: everyone(),
  rankingChanges: everyone(),
  // Queries `assessment` (also `asOf`) and `assessments`: self-scores, evidence, explanations, appraisals.
  assessments: {
    ADMIN: 'ALL',
    COORDINATOR: 'ALL',
    PROVINCIAL_LEADER: 'ALL',
    INSPECTOR: 'ALL',
    ANALYST: 'PUBLISHED_OR_FINALISED',
    AGENCY_OFFICER: 'OWN_AGENCY',
    APPRAISER: 'APPRAISED',
  },
  // Query `responsibilities`: an agency's duties per year (its self-assessment, the appraisals it owes). An
  // appraiser reads its own agency's work list; the assessments it appraises it reads through `assessments`.
  responsibilities: {
    ADMIN: 'ALL',
    COORDINATOR: 'ALL',
    PROVINCIAL_LEADER: 'ALL',
    INSPECTOR: 'ALL',
    ANALYST: 'PUBLISHED_OR_FINALISED',
    AGENCY_OFFICER: 'OWN_AGENCY',
    APPRAISER: 'OWN_AGENCY',
  },
  // Query `coordinatorDuties`: the coordinating role's work list of a year (every agency's open complaints and
  // proposals, the assessments to finalise). It belongs to a role, not an agency, so it is no agency data: those who
  // run and oversee the year read it; an agency's officers and appraisers read their own duties in `responsibilities`.
  coordinatorDuties: {
    ADMIN: 'ALL',
    COORDINATOR: 'ALL',
    PROVINCIAL_LEADER: 'ALL',
    INSPECTOR: 'ALL',
    ANALYST: 'NONE',
    AGENCY_OFFICER: 'NONE',
    APPRAISER: 'NONE',
  },
  // Query `workload`: every agency's duties under Decision 2824 on a day: SNV's follow-up list (Art. 17), read by those
  // who run and oversee the coordination; an agency reads its own in `responsibilities`.
  workload: {
    ADMIN: 'ALL',
    COORDINATOR: 'ALL',
    PROVINCIAL_LEADER: 'ALL',
    INSPECTOR: 'ALL',
    ANALYST: 'NONE',
    AGENCY_OFFICER: 'NONE',
    APPRAISER: 'NONE',
  },
  // Query `responsibilityAssignments`: the regulation's matrix of who leads and coordinates, public like the
  // regulation itself.
  assignments: everyone(),
  // Query `provincialAssessment`: the province's own self-assessment against the national criteria set and the
  // ministry's result: public administration data, compiled from the departments' figures, read by everyone.
  provincialIndex: everyone(),
  // Query `auditTrail`: the rule applies to events of assessment streams (`assessment-<year>-<agency>`), which
  // carry self-scores and evidence; events of every other stream (agencies, criteria sets, cycles and ranking
  // publications) say what the public resources above already show, so every reader of the trail sees them.
  // An analyst thus sees the history of finalised and published material only.
  auditTrail: {
    ADMIN: 'ALL',
    COORDINATOR: 'ALL',
    PROVINCIAL_LEADER: 'ALL',
    INSPECTOR: 'ALL',
    ANALYST: 'PUBLISHED_OR_FINALISED',
    AGENCY_OFFICER: 'OWN_AGENCY',
    APPRAISER: 'APPRAISED',
  },
  // Queries `projections`, `serviceInstance`: how the service itself is doing.
  projections: {
    ADMIN: 'ALL',
    COORDINATOR: 'ALL',
    PROVINCIAL_LEADER: 'ALL',
    INSPECTOR: 'ALL',
    ANALYST: 'NONE',
    AGENCY_OFFICER: 'NONE',
    APPRAISER: 'NONE',
  },
  // Query `logVerification`: recomputing the hash chain costs work; it is for those who audit and run the service.
  logVerification: {
    ADMIN: 'ALL',
    COORDINATOR: 'ALL',
    PROVINCIAL_LEADER: 'ALL',
    INSPECTOR: 'ALL',
    ANALYST: 'NONE',
    AGENCY_OFFICER: 'NONE',
    APPRAISER: 'NONE',
  },
  // Query `surveys`: the year's surveys and the survey scores citing them; read like the cycle they belong to.
  surveys: everyone(),
  // Queries `plans`, `plan`: PAR plans are the province's coordination record, public to those who run and oversee
  // it; the departments read them too, because they comment on the drafts and lead or coordinate the tasks, and an
  // adopted plan is a published decision. Comments on a draft are official correspondence between departments,
  // not an agency's own data: read like the plan.
  plans: everyone(),
  // Queries `reformProposals`, `reformProposal`: proposals circulate between agencies for their opinion (Art. 6(2))
  // and hold no self-assessment or evidence, so every role reads them, an agency officer and an appraiser included.
  proposals: everyone(),
  // Queries `commendations`, `commendationSuggestions`: they follow a published ranking, which is public, and name
  // what SNV proposes to the People's Committee about it: read like the ranking, by everyone.
  commendations: everyone(),
  // Queries `reportings`, `reporting`: the rounds, who reported when, what they reported and the compiled report.
  // Queries `inspectionPlans`, `inspection`: the plans, findings and follow-ups. Queries `regulationIssues`. These are
  // the province's coordination records under Decision 2824, not an agency's drafts: a report or a follow-up is sent
  // to SNV when submitted, and findings are the inspectors' conclusions. Each concerns several agencies at once (a
  // round asks many; an inspection has a lead, coordinators and a target), and every agency needs to see the rounds
  // and inspections that name it, so everyone reads them, agency officers and appraisers included.
  reportings: everyone(),
  regulationIssues: everyone(),
  inspections: everyone(),
};

/** The rules of the token's known roles for a resource (unknown role names grant nothing). */
export function rulesFor(roles: readonly string[], resource: ReadResource): ScopeRule[] {
  return roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)).map((r) => READ_SCOPES[resource][r]);
}

/** The roles that read a resource at all, for messages. */
export function readersOf(resource: ReadResource): Role[] {
  return ROLES.filter((r) => READ_SCOPES[resource][r] !== 'NONE');
}

const GENEROSITY: readonly ScopeRule[] = ['NONE', 'PUBLISHED_OR_FINALISED', 'APPRAISED', 'OWN_AGENCY', 'ALL'];

/** The most generous rule the token's roles have for a resource (a token with several roles reads the widest). */
export function widestRule(roles: readonly string[], resource: ReadResource): ScopeRule {
  return rulesFor(roles, resource).reduce<ScopeRule>((widest, rule) => (GENEROSITY.indexOf(rule) > GENEROSITY.indexOf(widest) ? rule : widest), 'NONE');
}
