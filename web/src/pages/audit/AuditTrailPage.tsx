import { useState } from 'react';
import { useQuery } from 'urql';
import { formatNumber } from '../../format/vietnamese';
import type { AuditTrailFilter } from '../../gql/graphql';
import { mayRead, useViewer } from '../../session/viewer';
import { AuditFilters } from './AuditFilters';
import { AUDIT_TRAIL, AuditRows, PAGE_SIZE } from './AuditRows';
import { ChainCheck } from './ChainCheck';

/** Every recorded event the reader may read, oldest first, filtered; and the check that the log is untouched. */
export function AuditTrailPage() {
  const viewer = useViewer();
  const [filter, setFilter] = useState<AuditTrailFilter>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  // The first page's answer (shared with its rows through urql's cache) gives the count of matching events.
  const [{ data }] = useQuery({ query: AUDIT_TRAIL, variables: { first: PAGE_SIZE, after: null, filter } });
  const apply = (next: AuditTrailFilter) => {
    setFilter(next);
    setCursors([null]);
  };
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Nhật ký sự kiện</h1>
      {mayRead(viewer, 'logVerification') && <ChainCheck />}
      <AuditFilters onApply={apply} />
      {data && <p className="status-line">{formatNumber(data.auditTrail.totalCount)} sự kiện phù hợp, cũ nhất trước</p>}
      <div className="table-scroll">
        <table className="data audit">
          <caption className="visually-hidden">Nhật ký sự kiện</caption>
          <thead>
            <tr>
              <th scope="col">Thời gian</th>
              <th scope="col">Loại sự kiện</th>
              <th scope="col">Luồng</th>
              <th scope="col">Người thực hiện</th>
              <th scope="col">Nội dung</th>
            </tr>
          </thead>
          {cursors.map((after, i) => (
            <AuditRows
              key={`${JSON.stringify(filter)}-${after ?? ''}`}
              filter={filter}
              after={after}
              last={i === cursors.length - 1}
              onMore={(cursor) => setCursors([...cursors, cursor])}
            />
          ))}
        </table>
      </div>
    </section>
  );
}
