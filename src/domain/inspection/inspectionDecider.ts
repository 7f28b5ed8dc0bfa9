import { event, type InspectionEvent, type PlannedInspection } from '../../events/parEvents';
import { addDays, endOfVietnamDay, requireCalendarDate, vietnamDayOf } from '../calendarDate';
import type { Decider } from '../decider';
import { FINDING_SEVERITIES } from '../enums';
import { badInput, DomainError, forbidden, invalidState } from '../errors';
import { optionalText, requireCode, requireCriterionCode, requireText, requireYear } from '../validation';
import { actsForProvince, type InspectionCommand, type IssueInspectionPlan, type RecordInspection, type ReportInspectionFollowUp } from './inspectionCommands';
import { evolveInspections, initialInspections, type InspectionEntry, type InspectionsState } from './inspections';

/** The inspected agency reports on the findings within this many days of the inspection. */
const FOLLOW_UP_DAYS = 30;

/** The last moment (Vietnam time) of a month: an inspection planned for it is due then. */
export function endOfMonth(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return endOfVietnamDay(last).toISOString();
}

export const followUpDueAt = (conductedOn: string) => endOfVietnamDay(addDays(conductedOn, FOLLOW_UP_DAYS)).toISOString();

function issuePlan(command: IssueInspectionPlan, state: InspectionsState): InspectionEvent[] {
  const year = requireYear('year', command.year);
  // Art. 5: SNV plans for the province; every other agency plans the inspections it leads itself (its competence).
  const province = actsForProvince(command.by);
  const issuingAgencyCode = province ? 'SNV' : command.by.agency;
  if (issuingAgencyCode === null) throw forbidden('issueInspectionPlan: the token names no agency to issue the plan for');
  if (command.inspections.length === 0) throw badInput('inspections', 'a plan names at least one inspection');
  const seen = new Set<string>();
  const inspections: PlannedInspection[] = command.inspections.map((i, n) => {
    const at = `inspections[${n}]`;
    const code = requireCode(`${at}.code`, i.code);
    if (seen.has(code) || state.inspections[code]) throw badInput(`${at}.code`, `inspection ${code} is already planned`);
    seen.add(code);
    const leadAgencyCode = requireCode(`${at}.leadAgencyCode`, i.leadAgencyCode);
    if (!province && leadAgencyCode !== issuingAgencyCode) {
      throw forbidden(`${issuingAgencyCode} plans the inspections it leads itself; ${code} is led by ${leadAgencyCode} (SNV plans those)`);
    }
    const targetAgencyCode = requireCode(`${at}.targetAgencyCode`, i.targetAgencyCode);
    if (targetAgencyCode === leadAgencyCode) throw badInput(`${at}.targetAgencyCode`, `${code}: an agency does not inspect itself`);
    const coordinators = [...new Set((i.coordinators ?? []).map((c) => requireCode(`${at}.coordinators`, c)))].sort();
    if (coordinators.includes(leadAgencyCode) || coordinators.includes(targetAgencyCode)) {
      throw badInput(`${at}.coordinators`, `${code}: the lead and the inspected agency are not its coordinators`);
    }
    if (!Number.isInteger(i.plannedMonth) || i.plannedMonth < 1 || i.plannedMonth > 12)
      throw badInput(`${at}.plannedMonth`, `${i.plannedMonth} is not a month 1–12`);
    if (Date.parse(endOfMonth(year, i.plannedMonth)) <= command.now.getTime())
      throw badInput(`${at}.plannedMonth`, `${i.plannedMonth}/${year} is already past`);
    return { code, targetAgencyCode, leadAgencyCode, coordinators, plannedMonth: i.plannedMonth, scope: requireText(`${at}.scope`, i.scope, 2000) };
  });
  return [event('InspectionPlanIssued', { year, issuingAgencyCode, inspections })];
}

function requirePlanned(state: InspectionsState, code: string): InspectionEntry {
  const entry = state.inspections[code];
  if (!entry) throw new DomainError('NOT_FOUND', `code: no inspection ${code} is planned`, 'code');
  return entry;
}

function record(command: RecordInspection, state: InspectionsState): InspectionEvent[] {
  const entry = requirePlanned(state, command.code);
  if (!actsForProvince(command.by) && command.by.agency !== entry.leadAgencyCode) {
    throw forbidden(`inspection ${entry.code} is recorded by its lead ${entry.leadAgencyCode} or SNV, not ${command.by.agency ?? 'an actor without agency'}`);
  }
  if (entry.recorded) throw invalidState(`inspection ${entry.code} was recorded on ${entry.recorded.conductedOn}`, { code: entry.code });
  const conductedOn = requireCalendarDate('conductedOn', command.conductedOn);
  if (conductedOn > vietnamDayOf(command.now)) throw badInput('conductedOn', `${conductedOn} is in the future`);
  const findings = command.findings.map((f, n) => {
    const at = `findings[${n}]`;
    if (!FINDING_SEVERITIES.includes(f.severity)) throw badInput(`${at}.severity`, `${f.severity} is not one of ${FINDING_SEVERITIES.join(', ')}`);
    const criterionCode = f.criterionCode === undefined || f.criterionCode === null ? null : requireCriterionCode(`${at}.criterionCode`, f.criterionCode);
    return { area: requireText(`${at}.area`, f.area, 300), text: requireText(`${at}.text`, f.text, 4000), severity: f.severity, criterionCode };
  });
  return [
    event('InspectionRecorded', {
      code: entry.code,
      agencyCode: entry.targetAgencyCode,
      leadAgencyCode: entry.leadAgencyCode,
      coordinators: entry.coordinators,
      conductedOn,
      findings,
      recommendations: optionalText('recommendations', command.recommendations),
      followUpDueAt: followUpDueAt(conductedOn),
    }),
  ];
}

function followUp(command: ReportInspectionFollowUp, state: InspectionsState): InspectionEvent[] {
  const entry = requirePlanned(state, command.code);
  if (command.by.agency !== entry.targetAgencyCode) {
    throw forbidden(
      `the follow-up of inspection ${entry.code} is reported by the inspected ${entry.targetAgencyCode}, not ${command.by.agency ?? 'an actor without agency'}`,
    );
  }
  if (!entry.recorded) throw invalidState(`inspection ${entry.code} is not recorded yet: there are no findings to follow up`, { code: entry.code });
  if (entry.followUpDone) throw invalidState(`the follow-up of inspection ${entry.code} is already reported done`, { code: entry.code });
  return [
    event('InspectionFollowUpReported', {
      code: entry.code,
      agencyCode: entry.targetAgencyCode,
      text: requireText('text', command.text, 4000),
      done: command.done,
    }),
  ];
}

/** The province's inspections of PAR results (the `inspections` stream): planned, recorded with findings, followed up. */
export const inspectionDecider: Decider<InspectionCommand, InspectionEvent, InspectionsState> = {
  initialState: initialInspections,
  decide(command, state) {
    switch (command.type) {
      case 'IssueInspectionPlan':
        return issuePlan(command, state);
      case 'RecordInspection':
        return record(command, state);
      case 'ReportInspectionFollowUp':
        return followUp(command, state);
    }
  },
  evolve: (state, e) => evolveInspections(state, e),
};
