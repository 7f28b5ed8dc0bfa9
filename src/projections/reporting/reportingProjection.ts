import type { Duty } from '../../domain/duty/duty';
import type { RecordedParEvent } from '../../events/parEvents';
import { defineProjection, type DocChange } from '../projection';
import type { RegulationIssueDocument, ReportingDocument } from './reportingDocuments';
import { compileDutyId, issueDuty, reportDutyId, roundDuties } from './reportingDuties';

export const REPORTING_DUTIES = 'reportingDuties';

const round = (id: string) => ({ collection: 'reportings', id });
const duty = (id: string) => ({ collection: REPORTING_DUTIES, id });

function reads(event: RecordedParEvent) {
  switch (event.type) {
    case 'ProgressReportSubmitted':
      return [round(event.data.reportingId), duty(reportDutyId(event.data.reportingId, event.data.agencyCode))];
    case 'ProvincialReportCompiled':
      return [
        round(event.data.reportingId),
        duty(compileDutyId(event.data.reportingId)),
        ...event.data.missing.map((code) => duty(reportDutyId(event.data.reportingId, code))),
      ];
    default:
      return [];
  }
}

/** Reporting rounds with each agency's report, the issues raised with the regulation, and the duties both make. */
export const reportingProjection = defineProjection({
  name: 'reporting',
  version: 1,
  collections: [
    { name: 'reportings', indexes: [['year']] },
    { name: 'regulationIssues', indexes: [] },
    { name: REPORTING_DUTIES, indexes: [['agencyCode']] },
  ],
  handles: ['ReportingScheduled', 'ProgressReportSubmitted', 'ProvincialReportCompiled', 'RegulationIssueReported'],
  reads,
  apply(event, docs): DocChange[] {
    const at = event.metadata.recordedAt;
    switch (event.type) {
      case 'ReportingScheduled': {
        const { reportingId, period, year, quarter, code, title, dueAt, agencyCodes } = event.data;
        const submissions = agencyCodes.map((agencyCode) => ({
          agencyCode,
          firstSubmittedAt: null,
          lastSubmittedAt: null,
          revisions: 0,
          late: false,
          progress: [],
          difficulties: null,
          proposals: null,
          attachments: [],
        }));
        const doc: ReportingDocument = { reportingId, period, year, quarter, code, title, dueAt, scheduledAt: at, submissions, compiled: null };
        return [{ ...round(reportingId), doc }, ...roundDuties(event).map((d) => ({ ...duty(d.id), doc: d }))];
      }
      case 'ProgressReportSubmitted': {
        const current = docs<ReportingDocument>('reportings', event.data.reportingId);
        if (!current) return [];
        const { agencyCode, progress, difficulties, proposals, attachments, late, revision } = event.data;
        const submissions = current.submissions.map((s) =>
          s.agencyCode !== agencyCode
            ? s
            : {
                ...s,
                firstSubmittedAt: s.firstSubmittedAt ?? at,
                lastSubmittedAt: at,
                revisions: revision,
                late: s.revisions > 0 ? s.late : late,
                progress,
                difficulties,
                proposals,
                attachments,
              },
        );
        const changes: DocChange[] = [{ ...round(current.reportingId), doc: { ...current, submissions } }];
        const owed = docs<Duty>(REPORTING_DUTIES, reportDutyId(current.reportingId, agencyCode));
        // Done with the first report; a revision does not move when it was done.
        if (owed && owed.doneAt === null) changes.push({ ...duty(owed.id), doc: { ...owed, doneAt: at } });
        return changes;
      }
      case 'ProvincialReportCompiled': {
        const current = docs<ReportingDocument>('reportings', event.data.reportingId);
        if (!current) return [];
        const { summary, onTime, late, missing } = event.data;
        const changes: DocChange[] = [{ ...round(current.reportingId), doc: { ...current, compiled: { summary, compiledAt: at, onTime, late, missing } } }];
        const owed = docs<Duty>(REPORTING_DUTIES, compileDutyId(current.reportingId));
        if (owed) changes.push({ ...duty(owed.id), doc: { ...owed, doneAt: at } });
        // Reports never sent are no longer asked for once the round is compiled.
        for (const code of missing) {
          const unsent = docs<Duty>(REPORTING_DUTIES, reportDutyId(current.reportingId, code));
          if (unsent) changes.push({ ...duty(unsent.id), doc: { ...unsent, cancelledAt: at } });
        }
        return changes;
      }
      case 'RegulationIssueReported': {
        const { issueId, agencyCode, text, proposal } = event.data;
        const doc: RegulationIssueDocument = { issueId, agencyCode, text, proposal, reportedAt: at, position: event.globalPosition };
        const owed = issueDuty(event);
        return [
          { collection: 'regulationIssues', id: issueId, doc },
          { ...duty(owed.id), doc: owed },
        ];
      }
      default:
        return [];
    }
  },
});
