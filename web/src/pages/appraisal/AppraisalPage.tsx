import { useState } from 'react';
import { useQuery } from 'urql';
import { DownloadButton } from '../../components/DownloadButton';
import { Status } from '../../components/Status';
import { WorkbookUpload, type WorkbookUploadTexts } from '../../components/WorkbookUpload';
import { useYearParam, YearPicker } from '../../components/YearGroupPicker';
import { formatDateTime } from '../../format/vietnamese';
import { useViewer } from '../../session/viewer';
import { AgencyAppraisalForm } from './AgencyAppraisalForm';
import { APPRAISAL_QUEUE, appraisalQueues } from './appraisalQueue';
import { ExplanationRequestForm } from './ExplanationRequestForm';

/**
 * The appraisal sheet filled offline (POST /imports/appraisal): the service reads the year and agencies from the
 * sheet itself and takes all its rows or none.
 */
const SHEET_UPLOAD: WorkbookUploadTexts = {
  label: 'Tệp thẩm định đã điền (.xlsx)',
  action: 'Nhập tệp thẩm định',
  missing: 'Hãy chọn tệp Excel đã điền',
  refused: 'Không nhập được tệp',
  notSaved: () => 'Tệp chưa được nhập: sửa các ô sau rồi gửi lại',
  saved: (fileName) => `Đã nhập tệp thẩm định ${fileName}`,
};

/** The appraiser's queue: the leaves its agency still has to appraise, across the agencies it appraises. */
export function AppraisalPage() {
  const viewer = useViewer();
  const agencyCode = viewer.agencyCode ?? '';
  const { year: yearText, years, setYear } = useYearParam();
  const year = Number(yearText);
  const [success, setSuccess] = useState<string | null>(null);
  const [{ data, fetching, error }, refresh] = useQuery({
    query: APPRAISAL_QUEUE,
    variables: { agencyCode, year },
    requestPolicy: 'cache-and-network',
  });
  const done = (message: string) => {
    setSuccess(message);
    refresh({ requestPolicy: 'network-only' });
  };
  const cycle = data?.responsibilities.cycles[0];
  const { queues, questionable } = data ? appraisalQueues(data, agencyCode) : { queues: [], questionable: [] };

  return (
    <section aria-labelledby="appraisal-title">
      <h1 id="appraisal-title">
        Thẩm định năm {year} · {agencyCode}
      </h1>
      <div className="toolbar">
        <YearPicker year={String(year)} years={years} onChange={setYear} />
        <DownloadButton path={`/exports/appraisal-sheet.xlsx?year=${year}`} label="Tải bảng thẩm định (Excel)" />
      </div>
      <WorkbookUpload path="/imports/appraisal" texts={SHEET_UPLOAD} onSaved={done} />
      {success && (
        <p role="status" className="success">
          {success}
        </p>
      )}
      <Status fetching={fetching && !data} error={error} />
      {cycle && (
        <p className="status-line">
          Hạn thẩm định: {formatDateTime(cycle.appraisalDeadline)}
          {cycle.pendingAppraisals.some((p) => p.overdue) && <strong className="overdue-text"> · Có tiêu chí đã quá hạn thẩm định</strong>}
        </p>
      )}
      {data && queues.length === 0 && <p>Không còn tiêu chí nào chờ thẩm định.</p>}
      {queues.map((queue) => (
        <AgencyAppraisalForm key={`${queue.agencyCode}-${queue.round}-${queue.version}`} queue={queue} year={year} onDone={done} />
      ))}
      {questionable.length > 0 && (
        <section aria-labelledby="explanation-title">
          <h2 id="explanation-title">Yêu cầu giải trình sau vòng 1</h2>
          {questionable.map((item) => (
            <ExplanationRequestForm key={`${item.agencyCode}-${item.leaf.code}`} item={item} year={year} onDone={done} />
          ))}
        </section>
      )}
    </section>
  );
}
