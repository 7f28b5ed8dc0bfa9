import { useState } from 'react';
import { formatDateTime } from '../../format/vietnamese';

export interface OpenRequest {
  criterionCode: string;
  question: string;
  dueAt: string;
  overdue: boolean;
}

export interface ExplanationAnswer {
  criterionCode: string;
  text: string;
  evidence: string[];
}

/** The appraisers' open questions on the agency's leaves, each with its own answer box (submitExplanation). */
export function ExplanationAnswers({
  requests,
  titleOf,
  busy,
  onAnswer,
}: {
  requests: OpenRequest[];
  titleOf: (code: string) => string;
  busy: boolean;
  onAnswer: (answer: ExplanationAnswer) => void;
}) {
  return (
    <section aria-labelledby="giai-trinh">
      <h2 id="giai-trinh">Yêu cầu giải trình</h2>
      {requests.length === 0 ? (
        <p>Không có yêu cầu giải trình nào đang chờ trả lời.</p>
      ) : (
        <ul className="requests">
          {requests.map((r) => (
            <li key={r.criterionCode}>
              <Answer request={r} title={titleOf(r.criterionCode)} busy={busy} onAnswer={onAnswer} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Answer({ request, title, busy, onAnswer }: { request: OpenRequest; title: string; busy: boolean; onAnswer: (answer: ExplanationAnswer) => void }) {
  const [text, setText] = useState('');
  const [evidence, setEvidence] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const code = request.criterionCode;
  const send = () => {
    if (text.trim() === '') return setProblem(`Tiêu chí ${code}: hãy nhập nội dung giải trình`);
    setProblem(null);
    onAnswer({
      criterionCode: code,
      text: text.trim(),
      evidence: evidence
        .split('\n')
        .map((e) => e.trim())
        .filter((e) => e !== ''),
    });
  };
  return (
    <div className="request">
      <p>
        <strong>
          Tiêu chí {code}. {title}
        </strong>
        <br />
        Câu hỏi: {request.question}
        <br />
        Hạn trả lời: {formatDateTime(request.dueAt)}
        {request.overdue && <strong> (đã quá hạn)</strong>}
      </p>
      {!request.overdue && (
        <>
          <label htmlFor={`tra-loi-${code}`}>Trả lời giải trình tiêu chí {code}</label>
          <textarea id={`tra-loi-${code}`} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          <label htmlFor={`tai-lieu-${code}`}>Tài liệu bổ sung tiêu chí {code} (mỗi dòng một văn bản)</label>
          <textarea id={`tai-lieu-${code}`} rows={2} value={evidence} onChange={(e) => setEvidence(e.target.value)} />
          {problem && (
            <p role="alert" className="error">
              {problem}
            </p>
          )}
          <div className="actions">
            <button type="button" onClick={send} disabled={busy}>
              Gửi giải trình tiêu chí {code}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
