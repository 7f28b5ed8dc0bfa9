import { Fragment, useId, useState } from 'react';
import { useMutation } from 'urql';
import { errorMessage } from '../../graphql/errors';
import { formatNumber, HEADERS, parseDecimal } from '../../format/vietnamese';
import { graphql } from '../../gql';
import type { AgencyQueue, Leaf } from './appraisalQueue';

const APPRAISE_CRITERIA = graphql(`
  mutation AppraiseCriteria($input: AppraiseCriteriaInput!, $expectedVersion: Int) {
    appraiseCriteria(input: $input, expectedVersion: $expectedVersion) {
      agency {
        code
      }
      version
    }
  }
`);

const CLAIM_LABELS: Record<string, string> = {
  PENDING: 'Đơn vị đề nghị không áp dụng (chờ thẩm định)',
  CONFIRMED: 'Đã xác nhận không áp dụng',
  REJECTED: 'Đề nghị không áp dụng đã bị bác',
};

interface Entry {
  points: string;
  comment: string;
  notApplicable: boolean;
}

const BLANK: Entry = { points: '', comment: '', notApplicable: false };

type Item = { criterionCode: string; points?: number; applicable: boolean; comment?: string };

/** Reads one leaf's inputs: null when left blank, an error naming the leaf, or the item to send. */
function readEntry(leaf: Leaf, entry: Entry | undefined): Item | string | null {
  if (!entry) return null;
  const comment = entry.comment.trim() || undefined;
  if (entry.notApplicable) return { criterionCode: leaf.code, applicable: false, comment };
  const points = parseDecimal(entry.points);
  if (points === null) return comment ? `Tiêu chí ${leaf.code}: hãy nhập điểm thẩm định cùng nhận xét` : null;
  if (Number.isNaN(points)) return `Tiêu chí ${leaf.code}: điểm thẩm định "${entry.points.trim()}" không phải là số`;
  if (points < 0) return `Tiêu chí ${leaf.code}: điểm thẩm định không được âm`;
  if (points > leaf.maxPoints) return `Tiêu chí ${leaf.code}: điểm thẩm định ${formatNumber(points)} vượt quá điểm tối đa ${formatNumber(leaf.maxPoints)}`;
  return { criterionCode: leaf.code, points, applicable: true, comment };
}

/**
 * One appraised agency's waiting leaves in one round: the appraiser fills the ones it has checked and sends them as
 * ONE appraiseCriteria (all or nothing), so a half-sent batch never leaves the agency with a mix of rounds.
 */
export function AgencyAppraisalForm({ queue, year, onDone }: { queue: AgencyQueue; year: number; onDone: (message: string) => void }) {
  const headingId = useId();
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, appraise] = useMutation(APPRAISE_CRITERIA);
  const change = (code: string, patch: Partial<Entry>) => {
    // The refusal was about what was typed before: it goes once the appraiser corrects it.
    setProblem(null);
    setEntries((all) => ({ ...all, [code]: { ...(all[code] ?? BLANK), ...patch } }));
  };
  const read = queue.leaves.map((leaf) => readEntry(leaf, entries[leaf.code]));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const errors = read.filter((r): r is string => typeof r === 'string');
    const items = read.filter((r): r is Item => r !== null && typeof r !== 'string');
    if (errors.length > 0) return setProblem(`Chưa gửi: ${errors.join('; ')}`);
    if (items.length === 0) return setProblem('Chưa nhập điểm thẩm định cho tiêu chí nào');
    const result = await appraise({ input: { year, agencyCode: queue.agencyCode, round: queue.round, items }, expectedVersion: queue.version });
    if (result.error) return setProblem(errorMessage(result.error));
    setEntries({});
    onDone(`Đã thẩm định vòng ${queue.round} ${items.length} tiêu chí của ${queue.agencyName}`);
  };

  return (
    <section aria-labelledby={headingId} className="appraisal-agency">
      <h2 id={headingId}>
        {queue.agencyName} · vòng {queue.round}
      </h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {queue.leaves.map((leaf, i) => (
          <LeafInputs
            key={leaf.code}
            leaf={leaf}
            entry={entries[leaf.code]}
            error={typeof read[i] === 'string' ? read[i] : null}
            onChange={(patch) => change(leaf.code, patch)}
          />
        ))}
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <button type="submit" className="primary" disabled={fetching}>
          Thẩm định các tiêu chí đã nhập
        </button>
      </form>
    </section>
  );
}

function LeafInputs({ leaf, entry, error, onChange }: { leaf: Leaf; entry?: Entry; error: string | null; onChange: (patch: Partial<Entry>) => void }) {
  const id = useId();
  const answered = leaf.explanationRequests.filter((r) => r.answeredAt);
  return (
    <fieldset className="leaf">
      <legend>
        {leaf.code} {leaf.title}
      </legend>
      <dl className="facts">
        <dt>{HEADERS.maxPoints}</dt>
        <dd>{formatNumber(leaf.maxPoints)}</dd>
        <dt>{HEADERS.selfPoints}</dt>
        <dd>{formatNumber(leaf.selfPoints)}</dd>
        {leaf.appraisedPoints !== null && leaf.appraisedPoints !== undefined && (
          <>
            <dt>Điểm thẩm định vòng trước</dt>
            <dd>{formatNumber(leaf.appraisedPoints)}</dd>
          </>
        )}
        {leaf.notApplicableClaim && (
          <>
            <dt>{HEADERS.applicable}</dt>
            <dd>{CLAIM_LABELS[leaf.notApplicableClaim]}</dd>
          </>
        )}
        <dt>{HEADERS.evidence}</dt>
        <dd>{leaf.evidence.length > 0 ? leaf.evidence.join('; ') : '—'}</dd>
        {leaf.explanation && (
          <>
            <dt>{HEADERS.explanation}</dt>
            <dd>{leaf.explanation}</dd>
          </>
        )}
        {answered.map((r, i) => (
          <Fragment key={i}>
            <dt>{HEADERS.explanationAnswers}</dt>
            <dd>
              {r.question} → {r.text}
              {r.revisedPoints !== null && r.revisedPoints !== undefined && <> (đề nghị {formatNumber(r.revisedPoints)} điểm)</>}
            </dd>
          </Fragment>
        ))}
      </dl>
      <div className="leaf-inputs">
        <span className="field">
          <label htmlFor={`${id}-points`}>{HEADERS.appraisedPoints}</label>
          <input
            id={`${id}-points`}
            inputMode="decimal"
            value={entry?.points ?? ''}
            disabled={entry?.notApplicable}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => onChange({ points: e.target.value })}
          />
        </span>
        <span className="field wide">
          <label htmlFor={`${id}-comment`}>Nhận xét</label>
          <input id={`${id}-comment`} value={entry?.comment ?? ''} maxLength={2000} onChange={(e) => onChange({ comment: e.target.value })} />
        </span>
        {leaf.notApplicableClaim === 'PENDING' && (
          <span className="field">
            <input id={`${id}-na`} type="checkbox" checked={entry?.notApplicable ?? false} onChange={(e) => onChange({ notApplicable: e.target.checked })} />
            <label htmlFor={`${id}-na`}>Xác nhận không áp dụng</label>
          </span>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
