import { useQuery, useSubscription } from 'urql';
import { BarChart } from '../components/charts';
import { bandColors } from '../components/bandColors';
import { DownloadButton } from '../components/DownloadButton';
import { Status } from '../components/Status';
import { useSearchParam } from '../components/useSearchParam';
import { GroupPicker, useYearParam, YearPicker } from '../components/YearGroupPicker';
import { formatDate, formatDateTime, formatNumber, formatPercent, GROUP_LABELS, RANKING_STATUS_LABELS } from '../format/vietnamese';
import { graphql } from '../gql';
import type { AgencyGroup, RankingFieldsFragment } from '../gql/graphql';

graphql(`
  fragment RankingFields on Ranking {
    year
    group
    status
    imported
    source
    proposedAt
    publishedAt
    decisionNumber
    decisionDate
    publicationCount
    entries {
      rank
      agency {
        code
        name
      }
      totalPoints
      maxPoints
      indexPercent
      band {
        label
        minIndexPercent
      }
    }
    changes {
      agency {
        code
      }
      rankBefore
      rankAfter
      indexBefore
      indexAfter
    }
    notRanked {
      agency {
        code
        name
      }
      reason
    }
  }
`);

const RANKING = graphql(`
  query Ranking($year: Int!, $group: AgencyGroup!) {
    ranking(year: $year, group: $group) {
      ...RankingFields
    }
  }
`);

// The same answer, sent again by the service each time it changed (an assessment finalised, a publication).
const RANKING_CHANGED = graphql(`
  subscription RankingChanged($year: Int!, $group: AgencyGroup!) {
    rankingChanged(year: $year, group: $group) {
      ...RankingFields
    }
  }
`);

/** A group's ranking of a year: table and bars coloured by band, its status, and the moves since the last publication. */
export function RankingPage() {
  const { year, years, setYear } = useYearParam();
  const [group, setGroup] = useSearchParam('nhom', 'DEPARTMENT');
  const variables = { year: Number(year), group: group as AgencyGroup };
  const [{ data, fetching, error }] = useQuery({ query: RANKING, variables, requestPolicy: 'cache-and-network' });
  // Live: the page follows the ranking as assessments are finalised, without a reload. A message is never older
  // than the query's answer (the service re-reads after its read models changed), so the latest one wins.
  const [live] = useSubscription({ query: RANKING_CHANGED, variables });
  const ranking = live.data ? live.data.rankingChanged : (data?.ranking ?? null);
  return (
    <section aria-labelledby="ranking-title">
      <h1 id="ranking-title">
        Xếp hạng {GROUP_LABELS[group as keyof typeof GROUP_LABELS] ?? group} năm {year}
      </h1>
      <div className="toolbar">
        <YearPicker year={year} years={years} onChange={setYear} />
        <GroupPicker group={group} onChange={setGroup} />
        <DownloadButton path={`/exports/ranking.xlsx?year=${year}&group=${group}`} label="Tải Excel" />
        <span className="live" data-testid="live" aria-live="polite">
          {live.data ? 'Đang cập nhật trực tiếp' : ''}
        </span>
      </div>
      <Status fetching={fetching && !data} error={error} />
      {(data || live.data) && !ranking && <p>Chưa có kết quả xếp hạng cho nhóm và năm này.</p>}
      {ranking && <RankingView ranking={ranking} />}
    </section>
  );
}

function RankingView({ ranking }: { ranking: RankingFieldsFragment }) {
  const color = bandColors(ranking.entries.flatMap((e) => (e.band ? [e.band] : [])));
  const changeOf = new Map(ranking.changes.map((c) => [c.agency.code, c]));
  return (
    <>
      <p className="status-line">
        <span className={`badge status-${ranking.status.toLowerCase()}`} data-testid="ranking-status">
          {RANKING_STATUS_LABELS[ranking.status]}
        </span>
        {ranking.publishedAt && <> · Công bố {formatDateTime(ranking.publishedAt)}</>}
        {ranking.decisionNumber && (
          <>
            {' '}
            · Quyết định số {ranking.decisionNumber}
            {ranking.decisionDate && <> ngày {formatDate(ranking.decisionDate)}</>}
          </>
        )}
        {ranking.proposedAt && !ranking.publishedAt && <> · Đề xuất {formatDateTime(ranking.proposedAt)}</>}
        {ranking.imported && <> · Nhập từ văn bản đã công bố{ranking.source ? ` (${ranking.source})` : ''}</>}
      </p>
      {ranking.entries.length === 0 ? (
        <p>Chưa có đơn vị nào được hoàn thành đánh giá.</p>
      ) : (
        <div className="split">
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">Bảng xếp hạng</caption>
              <thead>
                <tr>
                  <th scope="col">Hạng</th>
                  <th scope="col">Đơn vị</th>
                  <th scope="col" className="num">
                    Tổng điểm
                  </th>
                  <th scope="col" className="num">
                    Chỉ số
                  </th>
                  <th scope="col">Xếp loại</th>
                  <th scope="col">Thay đổi</th>
                </tr>
              </thead>
              <tbody>
                {ranking.entries.map((entry) => {
                  const change = changeOf.get(entry.agency.code);
                  return (
                    <tr key={entry.agency.code}>
                      <td className="num">{entry.rank}</td>
                      <th scope="row">{entry.agency.name}</th>
                      <td className="num">
                        {formatNumber(entry.totalPoints)} / {formatNumber(entry.maxPoints)}
                      </td>
                      <td className="num">{formatPercent(entry.indexPercent)}</td>
                      <td>
                        {entry.band && (
                          <span className="badge" style={{ background: color(entry.band.label) }}>
                            {entry.band.label}
                          </span>
                        )}
                      </td>
                      <td>{change ? describeChange(change) : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <BarChart
            title="Chỉ số CCHC của các đơn vị"
            max={100}
            bars={ranking.entries.map((e) => ({ label: e.agency.name, value: e.indexPercent ?? 0, color: color(e.band?.label) }))}
          />
        </div>
      )}
      {ranking.notRanked.length > 0 && (
        <>
          <h2>Không xếp hạng</h2>
          <ul>
            {ranking.notRanked.map((n) => (
              <li key={n.agency.code}>
                {n.agency.name}: {n.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function describeChange(change: RankingFieldsFragment['changes'][number]): string {
  if (change.rankBefore === null || change.rankBefore === undefined) return 'Mới có trong bảng';
  const moved = change.rankBefore - (change.rankAfter ?? change.rankBefore);
  const rank = moved > 0 ? `▲ ${moved} bậc` : moved < 0 ? `▼ ${-moved} bậc` : 'Giữ hạng';
  return `${rank} (trước: hạng ${change.rankBefore}, ${formatPercent(change.indexBefore)})`;
}
