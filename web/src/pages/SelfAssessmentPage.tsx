import { useMemo, useState } from 'react';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { DownloadButton } from '../components/DownloadButton';
import { Status } from '../components/Status';
import { WorkbookUpload, type WorkbookUploadTexts } from '../components/WorkbookUpload';
import { useYearParam, YearPicker } from '../components/YearGroupPicker';
import { ASSESSMENT_STATUS_LABELS, formatDateTime } from '../format/vietnamese';
import { graphql } from '../gql';
import { errorMessage } from '../graphql/errors';
import { useViewer } from '../session/viewer';
import { ExplanationAnswers, type ExplanationAnswer } from './selfAssessment/ExplanationAnswers';
import { SelfAssessmentForm } from './selfAssessment/SelfAssessmentForm';
import { initialRows, selfAssessedLeaves, type SelfScore } from './selfAssessment/selfScoreRows';

graphql(`
  fragment SelfAssessmentState on Assessment {
    version
    status
    submittedAt
    criteria {
      code
      selfPoints
      applicable
      notApplicableClaim
      explanation
      evidence
      draft {
        applicable
        points
        explanation
        evidence
      }
    }
  }
`);

graphql(`
  fragment FrameworkNode on FrameworkCriterion {
    code
    title
    maxPoints
    method
  }
`);

const SELF_ASSESSMENT = graphql(`
  query SelfAssessment($year: Int!, $agencyCode: ID!) {
    responsibilities(agencyCode: $agencyCode, year: $year) {
      agency {
        name
      }
      cycles {
        year
        selfAssessment {
          frameworkCode
          deadline
          submittedAt
          overdue
          nonSubmission {
            reason
          }
        }
        explanationsToAnswer {
          criterionCode
          question
          dueAt
          overdue
        }
      }
    }
    assessment(year: $year, agencyCode: $agencyCode) {
      ...SelfAssessmentState
    }
  }
`);

const FRAMEWORK = graphql(`
  query SelfAssessmentFramework($code: ID!) {
    framework(code: $code) {
      code
      title
      areas {
        criteria {
          ...FrameworkNode
          children {
            ...FrameworkNode
            children {
              ...FrameworkNode
              children {
                ...FrameworkNode
              }
            }
          }
        }
      }
    }
  }
`);

const SAVE_DRAFT = graphql(`
  mutation SaveSelfAssessmentDraft($input: SubmitSelfAssessmentInput!) {
    saveSelfAssessmentDraft(input: $input) {
      ...SelfAssessmentState
    }
  }
`);

const SUBMIT = graphql(`
  mutation SubmitSelfAssessment($input: SubmitSelfAssessmentInput!) {
    submitSelfAssessment(input: $input) {
      ...SelfAssessmentState
    }
  }
`);

const EXPLAIN = graphql(`
  mutation SubmitExplanation($input: SubmitExplanationInput!) {
    submitExplanation(input: $input) {
      ...SelfAssessmentState
    }
  }
`);

/** The self-assessment template filled offline (POST /imports/self-assessment), saved whole as a draft or not at all. */
const TEMPLATE_UPLOAD: WorkbookUploadTexts = {
  label: 'Tệp Excel đã điền',
  action: 'Tải lên',
  missing: 'Hãy chọn tệp Excel (.xlsx) đã điền',
  refused: 'Không tải lên được',
  notSaved: (count) => `Tệp chưa được lưu: ${count} lỗi.`,
  saved: (fileName, answer) => `Đã lưu nháp ${typeof answer.scoresSaved === 'number' ? answer.scoresSaved : ''} tiêu chí từ tệp ${fileName}.`,
};

type Notice = { kind: 'success' | 'error'; text: string } | null;

/**
 * The officer's own agency's self-assessment of a year: the form (draft, send), the Excel template both ways,
 * and the explanation requests to answer. Before the first draft there is no assessment yet, so the leaves come
 * from the framework the agency's self-assessment duty names.
 */
export function SelfAssessmentPage() {
  const viewer = useViewer();
  const agencyCode = viewer.agencyCode ?? '';
  const { year, years, setYear } = useYearParam();
  // Before the first draft the answer holds no Assessment, so urql must be told which mutations make it stale.
  const context = useMemo(() => ({ additionalTypenames: ['Assessment'] }), []);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SELF_ASSESSMENT,
    variables: { year: Number(year), agencyCode },
    requestPolicy: 'cache-and-network',
    context,
  });
  const duty = data?.responsibilities.cycles.find((c) => c.year === Number(year)) ?? null;
  const frameworkCode = duty?.selfAssessment?.frameworkCode ?? '';
  const [{ data: frameworkData }] = useQuery({ query: FRAMEWORK, variables: { code: frameworkCode }, pause: frameworkCode === '' });
  const leaves = useMemo(() => selfAssessedLeaves(frameworkData?.framework?.areas ?? []), [frameworkData]);
  const [notice, setNotice] = useState<Notice>(null);
  const [saving, saveDraft] = useMutation(SAVE_DRAFT);
  const [submitting, submit] = useMutation(SUBMIT);
  const [explaining, explain] = useMutation(EXPLAIN);
  const busy = saving.fetching || submitting.fetching || explaining.fetching;

  const report = (result: { error?: CombinedError }, success: string) =>
    setNotice(result.error ? { kind: 'error', text: errorMessage(result.error) } : { kind: 'success', text: success });
  const send = async (scores: SelfScore[], final: boolean) => {
    setNotice(null);
    const input = { year: Number(year), agencyCode, scores };
    if (final) report(await submit({ input }), `Đã gửi tự đánh giá (${scores.length} tiêu chí).`);
    else report(await saveDraft({ input }), `Đã lưu nháp ${scores.length} tiêu chí.`);
  };
  const answer = async (a: ExplanationAnswer) => {
    setNotice(null);
    report(await explain({ input: { year: Number(year), agencyCode, ...a } }), `Đã gửi giải trình tiêu chí ${a.criterionCode}.`);
  };

  const assessment = data?.assessment ?? null;
  const selfAssessment = duty?.selfAssessment ?? null;
  const sent = Boolean(assessment?.submittedAt ?? selfAssessment?.submittedAt);
  const closed = Boolean(selfAssessment?.nonSubmission) || (selfAssessment !== null && !sent && new Date(selfAssessment.deadline) < new Date());
  const titleOf = (code: string) => leaves.find((l) => l.code === code)?.title ?? '';
  return (
    <section aria-labelledby="self-title">
      <h1 id="self-title">
        Tự đánh giá {data?.responsibilities.agency.name ?? agencyCode} năm {year}
      </h1>
      <div className="toolbar">
        <YearPicker year={year} years={years} onChange={setYear} />
        <DownloadButton path={`/exports/self-assessment-template.xlsx?year=${year}&agencyCode=${encodeURIComponent(agencyCode)}`} label="Tải mẫu Excel" />
      </div>
      <Status fetching={fetching && !data} error={error} />
      {data && !selfAssessment && <p>Đơn vị không tham gia đánh giá năm {year}.</p>}
      {selfAssessment && (
        <>
          <p className="status-line">
            <span className={`badge assessment-${(assessment?.status ?? 'NOT_SUBMITTED').toLowerCase()}`} data-testid="assessment-status">
              {ASSESSMENT_STATUS_LABELS[assessment?.status ?? 'NOT_SUBMITTED']}
            </span>{' '}
            · Hạn tự đánh giá: <span data-testid="deadline">{formatDateTime(selfAssessment.deadline)}</span>
          </p>
          {sent && (
            <p data-testid="read-only">
              Đơn vị đã gửi tự đánh giá ngày {formatDateTime(assessment?.submittedAt ?? selfAssessment.submittedAt)}: phiếu chỉ còn để xem.
            </p>
          )}
          {selfAssessment.nonSubmission && <p>Sở Nội vụ đã ghi nhận đơn vị không nộp tự đánh giá: {selfAssessment.nonSubmission.reason}</p>}
          {closed && !selfAssessment.nonSubmission && <p>Đã quá hạn tự đánh giá: phiếu không sửa được nữa.</p>}
          {notice && (
            <p role={notice.kind === 'success' ? 'status' : 'alert'} className={notice.kind}>
              {notice.text}
            </p>
          )}
          {leaves.length > 0 && (
            <SelfAssessmentForm
              key={`${year}:${assessment?.version ?? 0}`}
              leaves={leaves}
              initial={initialRows(leaves, assessment?.criteria ?? [], sent)}
              readOnly={sent || closed}
              busy={busy}
              onSave={(scores) => void send(scores, false)}
              onSubmit={(scores) => void send(scores, true)}
              onCheck={() => setNotice(null)}
            />
          )}
          {!sent && !closed && (
            <>
              <h2>Nhập từ tệp Excel</h2>
              <WorkbookUpload
                path={`/imports/self-assessment?${new URLSearchParams({ year, agencyCode })}`}
                texts={TEMPLATE_UPLOAD}
                onSaved={(text) => {
                  setNotice({ kind: 'success', text });
                  refetch({ requestPolicy: 'network-only' });
                }}
              />
            </>
          )}
          <ExplanationAnswers requests={duty?.explanationsToAnswer ?? []} titleOf={titleOf} busy={busy} onAnswer={(a) => void answer(a)} />
        </>
      )}
    </section>
  );
}
