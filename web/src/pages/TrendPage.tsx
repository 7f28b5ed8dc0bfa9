import { useId, useMemo } from 'react';
import { useQuery } from 'urql';
import { AgencyPicker } from '../components/AgencyPicker';
import { DownloadButton } from '../components/DownloadButton';
import { LineChart } from '../components/charts';
import { Status } from '../components/Status';
import { useSearchParam } from '../components/useSearchParam';
import { compareVietnamese, formatNumber, formatPercent, GROUP_LABELS, TREND_RELATION_LABELS } from '../format/vietnamese';
import { graphql } from '../gql';
import type { AgencyTrendQuery } from '../gql/graphql';
import { useViewer } from '../session/viewer';

const AGENCIES = graphql(`
  query TrendAgencies {
    agencies {
      code
      name
      group
    }
  }
`);

const TREND = graphql(`
  query AgencyTrend($agencyCode: ID!, $followLineage: Boolean!) {
    agencyTrend(agencyCode: $agencyCode, followLineage: $followLineage) {
      agency {
        code
        name
      }
      frameworksDiffer
      note
      points {
        year
        agencyCode
        agencyName
        relation
        group
        indexPercent
        totalPoints
        maxPoints
        rank
        groupSize
        band {
          label
        }
        imported
        source
      }
    }
  }
`);

type Trend = AgencyTrendQuery['agencyTrend'];

/** An agency's index year by year (with its predecessors' years when asked), as a line and as a table. */
export function TrendPage() {
  const viewer = useViewer();
  const [{ data: list, error: listError }] = useQuery({ query: AGENCIES });
  const agencies = useMemo(() => [...(list?.agencies ?? [])].sort((a, b) => compareVietnamese(a.name, b.name)), [list]);
  const [agencyParam, setAgency] = useSearchParam('donvi', '');
  const agencyCode = agencyParam || viewer.agencyCode || '';
  const [lineageParam, setLineage] = useSearchParam('tien-than', 'co');
  const followLineage = lineageParam !== 'khong';
  const lineageId = useId();
  const [{ data, fetching, error }] = useQuery({
    query: TREND,
    variables: { agencyCode, followLineage },
    pause: agencyCode === '',
    requestPolicy: 'cache-and-network',
  });
  const trend = data?.agencyTrend ?? null;
  return (
    <section aria-labelledby="trend-title">
      <h1 id="trend-title">Xu hướng chỉ số CCHC{trend ? ` của ${trend.agency.name}` : ''}</h1>
      <div className="toolbar">
        <AgencyPicker agencyCode={agencyCode} agencies={agencies} onChange={setAgency} />
        <span className="picker checkbox">
          <label htmlFor={lineageId}>Gồm cả đơn vị tiền thân</label>
          <input id={lineageId} type="checkbox" checked={followLineage} onChange={(e) => setLineage(e.target.checked ? 'co' : 'khong')} />
        </span>
        {agencyCode && (
          <DownloadButton path={`/exports/trend.xlsx?agencyCode=${encodeURIComponent(agencyCode)}&followLineage=${followLineage}`} label="Tải Excel" />
        )}
      </div>
      <Status fetching={fetching && !data} error={listError ?? error} />
      {!agencyCode && <p>Hãy chọn một đơn vị.</p>}
      {trend && <TrendView trend={trend} />}
    </section>
  );
}

function TrendView({ trend }: { trend: Trend }) {
  if (trend.points.length === 0) return <p>Đơn vị chưa có năm nào trong bảng xếp hạng.</p>;
  // A year can carry the agency and its predecessors; the line follows the agency's own point, else the nearest one.
  const byYear = new Map<number, Trend['points'][number]>();
  for (const p of trend.points) if (!byYear.has(p.year)) byYear.set(p.year, p);
  return (
    <>
      {trend.note && <p className="status-line">{trend.note}</p>}
      <div className="split">
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Chỉ số CCHC theo năm</caption>
            <thead>
              <tr>
                <th scope="col">Năm</th>
                <th scope="col">Đơn vị năm đó</th>
                <th scope="col" className="num">
                  Hạng
                </th>
                <th scope="col" className="num">
                  Tổng điểm
                </th>
                <th scope="col" className="num">
                  Chỉ số
                </th>
                <th scope="col">Xếp loại</th>
              </tr>
            </thead>
            <tbody>
              {trend.points.map((p) => (
                <tr key={`${p.year}-${p.agencyCode}`} data-year={p.year}>
                  <th scope="row">{p.year}</th>
                  <td>
                    {p.agencyName}
                    {p.relation === 'PREDECESSOR' && <span className="note"> ({TREND_RELATION_LABELS.PREDECESSOR})</span>}
                    <br />
                    <span className="note">
                      {GROUP_LABELS[p.group]}
                      {p.imported ? ` · nhập từ văn bản đã công bố${p.source ? ` (${p.source})` : ''}` : ''}
                    </span>
                  </td>
                  <td className="num">{p.rank > 0 ? `${p.rank}/${p.groupSize}` : '—'}</td>
                  <td className="num">
                    {formatNumber(p.totalPoints)} / {formatNumber(p.maxPoints)}
                  </td>
                  <td className="num">{formatPercent(p.indexPercent)}</td>
                  <td>{p.band?.label ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <LineChart
          title="Chỉ số CCHC theo năm"
          max={100}
          points={[...byYear.values()].map((p) => ({ label: String(p.year), value: p.indexPercent ?? null }))}
        />
      </div>
    </>
  );
}
