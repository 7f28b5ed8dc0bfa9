import { useId } from 'react';
import { useQuery } from 'urql';
import { AgencyPicker } from '../../components/AgencyPicker';
import { Status } from '../../components/Status';
import { useSearchParam } from '../../components/useSearchParam';
import { useYearParam, YearPicker } from '../../components/YearGroupPicker';
import { compareVietnamese, formatDate, formatDateTime } from '../../format/vietnamese';
import { graphql } from '../../gql';
import { mayRead, useViewer, type Viewer } from '../../session/viewer';
import { DutyTable } from './DutyTable';
import { dutyRows, RESPONSIBILITIES, type Responsibilities } from './dutyRows';
import { WorkloadTable } from './WorkloadTable';

const AGENCIES = graphql(`
  query DutyAgencies {
    agencies {
      code
      name
    }
  }
`);

/** Whether the read-scope table lets this reader look beyond its own agency's duties. */
const readsOtherAgencies = (viewer: Viewer) => viewer.reads.some((r) => r.resource === 'responsibilities' && r.scope !== 'NONE' && r.scope !== 'OWN_AGENCY');

/** What an agency owes (its self-assessment, appraisals, explanations, Decision 2824's duties), overdue first. */
export function ResponsibilitiesPage() {
  const viewer = useViewer();
  const { year, years, setYear } = useYearParam();
  const others = readsOtherAgencies(viewer);
  const [agencyParam, setAgency] = useSearchParam('don-vi', '');
  // Only a reader who may look beyond its own agency is offered the others (and asks for them).
  const [{ data: list }] = useQuery({ query: AGENCIES, pause: !others });
  const agencies = [...(list?.agencies ?? [])].sort((a, b) => compareVietnamese(a.name, b.name));
  const [on, setOn] = useSearchParam('ngay', '');
  const agencyCode = (others ? agencyParam : '') || viewer.agencyCode || '';
  const [{ data, fetching, error }] = useQuery({
    query: RESPONSIBILITIES,
    variables: { agencyCode, year: Number(year), on: on || null },
    requestPolicy: 'cache-and-network',
    pause: !agencyCode,
  });
  const onId = useId();
  return (
    <section aria-labelledby="duties-title">
      <h1 id="duties-title">Nhiệm vụ {data ? `của ${data.responsibilities.agency.name}` : ''}</h1>
      <div className="toolbar">
        {others && <AgencyPicker agencyCode={agencyCode} agencies={agencies} onChange={setAgency} blank="— Chọn đơn vị —" />}
        <YearPicker year={year} years={years} onChange={setYear} />
        <span className="picker">
          <label htmlFor={onId}>Tính đến ngày</label>
          <input id={onId} type="date" value={on} onChange={(e) => setOn(e.target.value)} />
        </span>
      </div>
      {!agencyCode && <p>Hãy chọn đơn vị.</p>}
      <Status fetching={fetching && !data} error={error} />
      {data && <AgencyDuties responsibilities={data.responsibilities} />}
      {mayRead(viewer, 'workload') && <WorkloadTable on={on || null} />}
    </section>
  );
}

function AgencyDuties({ responsibilities: r }: { responsibilities: Responsibilities }) {
  const rows = dutyRows(r, Date.now());
  const overdue = rows.filter((row) => row.status === 'OVERDUE').length;
  const complaints = r.cycles.flatMap((c) => c.complaints);
  const extensions = r.cycles.flatMap((c) => c.extensions);
  return (
    <>
      <p className="status-line">
        Tính đến ngày {formatDate(r.on)}
        {overdue > 0 && <strong className="overdue-text"> · {overdue} nhiệm vụ quá hạn</strong>}
      </p>
      <DutyTable rows={rows} caption={`Nhiệm vụ của ${r.agency.name}`} />
      {extensions.length > 0 && (
        <>
          <h2>Gia hạn</h2>
          <ul>
            {extensions.map((e, i) => (
              <li key={i}>
                {e.agency.name}: {PHASE_LABELS[e.phase] ?? e.phase} đến {formatDateTime(e.until)} ({e.reason})
              </li>
            ))}
          </ul>
        </>
      )}
      {complaints.length > 0 && (
        <>
          <h2>Khiếu nại</h2>
          <ul>
            {complaints.map((c) => (
              <li key={c.id}>
                {c.id} · tiêu chí {c.criterionCode} · gửi ngày {formatDate(c.lodgedAt)} ·{' '}
                {c.status === 'OPEN' ? 'đang chờ giải quyết' : `đã giải quyết ngày ${formatDate(c.resolvedAt)}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

const PHASE_LABELS: Record<string, string> = {
  SELF_ASSESSMENT: 'Tự đánh giá',
  EXPLANATION: 'Giải trình',
  APPRAISAL: 'Thẩm định',
};
