import { compareVietnamese } from '../../format/vietnamese';
import { DUTY_ROLE_LABELS, TASK_KIND_LABELS } from '../../format/duties';
import { graphql } from '../../gql';
import type { DutyStatus, ResponsibilitiesQuery } from '../../gql/graphql';

graphql(`
  fragment DutyFields on Duty {
    id
    role
    taskKind
    title
    legalBasis
    dueAt
    doneAt
    status
    late
  }
`);

export const RESPONSIBILITIES = graphql(`
  query Responsibilities($agencyCode: ID!, $year: Int, $on: Date) {
    responsibilities(agencyCode: $agencyCode, year: $year, on: $on) {
      agency {
        code
        name
      }
      on
      cycles {
        year
        selfAssessment {
          deadline
          submittedAt
          overdue
          nonSubmission {
            reason
          }
        }
        pendingAppraisals {
          agencyCode
          criterionCode
          deadline
          overdue
        }
        explanationsToAnswer {
          criterionCode
          question
          dueAt
          appraiserCode
          overdue
        }
        explanationsToDecide {
          agencyCode
          criterionCode
          effectiveDueAt
          decidable
        }
        complaints {
          id
          criterionCode
          status
          lodgedAt
          resolvedAt
        }
        extensions {
          agency {
            name
          }
          phase
          until
          reason
        }
      }
      leads {
        ...DutyFields
      }
      coordinates {
        ...DutyFields
      }
      providesDataFor {
        ...DutyFields
      }
      reportsDue {
        ...DutyFields
      }
      commentsDue {
        ...DutyFields
      }
      inspections {
        ...DutyFields
      }
      decisions {
        ...DutyFields
      }
    }
  }
`);

export type Responsibilities = ResponsibilitiesQuery['responsibilities'];

/** One line of the duty table, whether it comes from the assessment cycle or from Decision 2824's register. */
export interface DutyRow {
  key: string;
  status: DutyStatus;
  what: string;
  title: string;
  dueAt: string | null;
  legalBasis: string | null;
  late: boolean;
}

const ORDER: DutyStatus[] = ['OVERDUE', 'DUE', 'OPEN', 'DONE', 'CANCELLED'];
const WEEK = 7 * 24 * 3600 * 1000;

/** The cycle's items carry only "overdue": "due soon" is the register's rule, a deadline within 7 days. */
function statusOf(dueAt: string, overdue: boolean, now: number): DutyStatus {
  if (overdue) return 'OVERDUE';
  return new Date(dueAt).getTime() - now <= WEEK ? 'DUE' : 'OPEN';
}

function cycleRows(cycle: Responsibilities['cycles'][number], now: number): DutyRow[] {
  const rows: DutyRow[] = [];
  const self = cycle.selfAssessment;
  if (self) {
    const status: DutyStatus = self.submittedAt ? 'DONE' : self.nonSubmission ? 'CANCELLED' : statusOf(self.deadline, self.overdue, now);
    const why = self.nonSubmission ? ` (SNV ghi nhận không nộp: ${self.nonSubmission.reason})` : '';
    rows.push({
      key: `self-${cycle.year}`,
      status,
      what: 'Tự đánh giá',
      title: `Tự đánh giá Chỉ số CCHC năm ${cycle.year}${why}`,
      dueAt: self.deadline,
      legalBasis: null,
      late: false,
    });
  }
  const byAgency = new Map<string, Responsibilities['cycles'][number]['pendingAppraisals']>();
  for (const p of cycle.pendingAppraisals) byAgency.set(p.agencyCode, [...(byAgency.get(p.agencyCode) ?? []), p]);
  for (const [agencyCode, leaves] of byAgency) {
    const deadline = leaves.map((l) => l.deadline).sort()[0];
    const codes = leaves.map((l) => l.criterionCode).join(', ');
    rows.push({
      key: `appraise-${cycle.year}-${agencyCode}`,
      status: statusOf(
        deadline,
        leaves.some((l) => l.overdue),
        now,
      ),
      what: 'Thẩm định',
      title: `Thẩm định ${leaves.length} tiêu chí của ${agencyCode} năm ${cycle.year} (${codes})`,
      dueAt: deadline,
      legalBasis: null,
      late: false,
    });
  }
  for (const e of cycle.explanationsToAnswer)
    rows.push({
      key: `answer-${cycle.year}-${e.criterionCode}`,
      status: statusOf(e.dueAt, e.overdue, now),
      what: 'Giải trình',
      title: `Giải trình tiêu chí ${e.criterionCode} theo yêu cầu của ${e.appraiserCode}: ${e.question}`,
      dueAt: e.dueAt,
      legalBasis: null,
      late: false,
    });
  for (const e of cycle.explanationsToDecide)
    rows.push({
      key: `decide-${cycle.year}-${e.agencyCode}-${e.criterionCode}`,
      // Round 2 is owed as soon as it may be given: once the agency answered or its time to answer ran out.
      status: e.decidable ? 'DUE' : 'OPEN',
      what: 'Thẩm định vòng 2',
      title: `Thẩm định vòng 2 tiêu chí ${e.criterionCode} của ${e.agencyCode}${e.decidable ? '' : ' (chờ đơn vị giải trình)'}`,
      dueAt: e.effectiveDueAt,
      legalBasis: null,
      late: false,
    });
  return rows;
}

/** Everything the agency owes, overdue first, then due soon, then the rest, each by deadline. */
export function dutyRows(r: Responsibilities, now: number): DutyRow[] {
  const register = [...r.leads, ...r.coordinates, ...r.providesDataFor, ...r.reportsDue, ...r.commentsDue, ...r.inspections, ...r.decisions];
  const seen = new Set<string>();
  const rows: DutyRow[] = r.cycles.flatMap((c) => cycleRows(c, now));
  for (const d of register) {
    const key = `${d.id}-${d.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // The kind says the part for most duties (a comment, a report); leading or coordinating a task it does not.
    const what = d.role === 'LEAD' || d.role === 'COORDINATE' ? `${DUTY_ROLE_LABELS[d.role]} · ${TASK_KIND_LABELS[d.taskKind]}` : TASK_KIND_LABELS[d.taskKind];
    rows.push({ key, status: d.status, what, title: d.title, dueAt: d.dueAt ?? null, legalBasis: d.legalBasis ?? null, late: d.late });
  }
  const time = (row: DutyRow) => (row.dueAt ? new Date(row.dueAt).getTime() : Number.POSITIVE_INFINITY);
  return rows.sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || time(a) - time(b) || compareVietnamese(a.title, b.title));
}
