import { useQuery } from 'urql';
import { Status } from '../../components/Status';
import { compareVietnamese, DUTY_STATUS_LABELS } from '../../format/vietnamese';
import { graphql } from '../../gql';

const WORKLOAD = graphql(`
  query Workload($on: Date) {
    workload(on: $on) {
      agency {
        code
        name
      }
      open
      due
      overdue
      done
    }
  }
`);

// The counts in reading order, most urgent first: each is a field of the answer and a duty status's label.
const COUNTS = [
  ['overdue', 'OVERDUE'],
  ['due', 'DUE'],
  ['open', 'OPEN'],
  ['done', 'DONE'],
] as const;

/** SNV's follow-up list (Art. 17): every agency's duties counted, the ones with overdue work first. */
export function WorkloadTable({ on }: { on: string | null }) {
  const [{ data, fetching, error }] = useQuery({ query: WORKLOAD, variables: { on }, requestPolicy: 'cache-and-network' });
  const rows = [...(data?.workload ?? [])].sort((a, b) => b.overdue - a.overdue || compareVietnamese(a.agency.name, b.agency.name));
  return (
    <section aria-labelledby="workload-title">
      <h2 id="workload-title">Nhiệm vụ của các đơn vị</h2>
      <Status fetching={fetching && !data} error={error} />
      {data && rows.length === 0 && <p>Chưa đơn vị nào có nhiệm vụ.</p>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="data workload">
            <caption className="visually-hidden">Số nhiệm vụ của từng đơn vị theo trạng thái</caption>
            <thead>
              <tr>
                <th scope="col">Đơn vị</th>
                {COUNTS.map(([field, status]) => (
                  <th key={field} scope="col" className="num">
                    {DUTY_STATUS_LABELS[status]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.agency.code} className={row.overdue > 0 ? 'status-overdue' : undefined}>
                  <th scope="row">{row.agency.name}</th>
                  {COUNTS.map(([field]) => (
                    <td key={field} className="num">
                      {row[field]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
