import { useQuery } from 'urql';
import { AgencyPicker } from '../components/AgencyPicker';
import { BarChart } from '../components/charts';
import { DownloadButton } from '../components/DownloadButton';
import { Status } from '../components/Status';
import { useSearchParam } from '../components/useSearchParam';
import { useYearParam, YearPicker } from '../components/YearGroupPicker';
import { ASSESSMENT_STATUS_LABELS, formatDateTime, formatNumber, formatPercent } from '../format/vietnamese';
import { graphql } from '../gql';
import type { ScorecardQuery } from '../gql/graphql';
import { useViewer } from '../session/viewer';
import { CriteriaTable } from './scorecard/CriteriaTable';

const READABLE = graphql(`
  query ScorecardAgencies($year: Int!) {
    assessments(year: $year) {
      agency {
        code
        name
      }
    }
  }
`);

const SCORECARD = graphql(`
  query Scorecard($year: Int!, $agencyCode: ID!) {
    assessment(year: $year, agencyCode: $agencyCode) {
      year
      status
      totalPoints
      selfTotalPoints
      applicableMaxPoints
      bonusPoints
      penaltyPoints
      indexPercent
      band {
        label
      }
      submittedAt
      finalizedAt
      agency {
        code
        name
      }
      areas {
        code
        title
        indexPercent
      }
      criteria {
        ...ScorecardLeaf
      }
      tree {
        ...ScorecardNode
        children {
          ...ScorecardNode
          children {
            ...ScorecardNode
            children {
              ...ScorecardNode
              children {
                ...ScorecardNode
              }
            }
          }
        }
      }
    }
  }
`);

type Scorecard = NonNullable<ScorecardQuery['assessment']>;

/**
 * One agency's assessment of a year: status, total and index, the criteria tree with every kind of points and
 * what stands behind them, and the areas' sub-indices as bars. The agencies offered are those `assessments`
 * lets the reader read, so the list never tempts anyone with a document the service would refuse.
 */
export function ScorecardPage() {
  const viewer = useViewer();
  const { year, years, setYear } = useYearParam();
  const [{ data: list, fetching: listing, error: listError }] = useQuery({
    query: READABLE,
    variables: { year: Number(year) },
    requestPolicy: 'cache-and-network',
  });
  const agencies = (list?.assessments ?? []).map((a) => a.agency);
  const fallback = agencies.find((a) => a.code === viewer.agencyCode)?.code ?? agencies[0]?.code ?? '';
  const [agencyParam, setAgency] = useSearchParam('donvi', '');
  const agencyCode = agencyParam || fallback;
  const [{ data, fetching, error }] = useQuery({
    query: SCORECARD,
    variables: { year: Number(year), agencyCode },
    pause: agencyCode === '',
    requestPolicy: 'cache-and-network',
  });
  const assessment = data?.assessment ?? null;
  return (
    <section aria-labelledby="scorecard-title">
      <h1 id="scorecard-title">
        Bảng điểm {assessment ? assessment.agency.name : ''} năm {year}
      </h1>
      <div className="toolbar">
        <YearPicker year={year} years={years} onChange={setYear} />
        <AgencyPicker agencyCode={agencyCode} agencies={agencies} onChange={setAgency} />
        {agencyCode && <DownloadButton path={`/exports/assessment.xlsx?year=${year}&agencyCode=${encodeURIComponent(agencyCode)}`} label="Tải Excel" />}
      </div>
      <Status fetching={(listing && !list) || (fetching && !data)} error={listError ?? error} />
      {list && agencies.length === 0 && <p>Chưa có bản đánh giá nào của năm này mà tài khoản được xem.</p>}
      {data && !assessment && <p>Đơn vị chưa có bản đánh giá năm này.</p>}
      {assessment && <ScorecardView assessment={assessment} />}
    </section>
  );
}

function ScorecardView({ assessment }: { assessment: Scorecard }) {
  return (
    <>
      <p className="status-line">
        <span className={`badge assessment-${assessment.status.toLowerCase()}`} data-testid="assessment-status">
          {ASSESSMENT_STATUS_LABELS[assessment.status]}
        </span>
        {assessment.submittedAt && <> · Nộp {formatDateTime(assessment.submittedAt)}</>}
        {assessment.finalizedAt && <> · Hoàn thành {formatDateTime(assessment.finalizedAt)}</>}
      </p>
      <dl className="figures">
        <div>
          <dt>Tổng điểm</dt>
          <dd data-testid="assessment-total">
            {formatNumber(assessment.totalPoints)} / {formatNumber(assessment.applicableMaxPoints)}
          </dd>
        </div>
        <div>
          <dt>Chỉ số</dt>
          <dd data-testid="assessment-index">{formatPercent(assessment.indexPercent)}</dd>
        </div>
        <div>
          <dt>Xếp loại</dt>
          <dd>{assessment.band?.label ?? '—'}</dd>
        </div>
        <div>
          <dt>Tự đánh giá</dt>
          <dd>{formatNumber(assessment.selfTotalPoints)}</dd>
        </div>
        {(assessment.bonusPoints > 0 || assessment.penaltyPoints > 0) && (
          <div>
            <dt>Điểm thưởng / điểm trừ</dt>
            <dd>
              +{formatNumber(assessment.bonusPoints)} / −{formatNumber(assessment.penaltyPoints)}
            </dd>
          </div>
        )}
      </dl>
      <div className="split">
        <CriteriaTable tree={assessment.tree} criteria={assessment.criteria} />
        <div>
          <h2>Chỉ số thành phần theo lĩnh vực</h2>
          <BarChart
            title="Chỉ số thành phần theo lĩnh vực"
            max={100}
            bars={assessment.areas.map((a) => ({ label: `${a.code}. ${a.title}`, value: a.indexPercent ?? 0, color: '#0b5cad' }))}
          />
        </div>
      </div>
    </>
  );
}
