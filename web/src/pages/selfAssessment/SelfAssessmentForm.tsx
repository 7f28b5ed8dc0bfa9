import { useId, useRef, useState } from 'react';
import { formatNumber } from '../../format/vietnamese';
import { checkRows, type SelfLeaf, type SelfRow, type SelfScore } from './selfScoreRows';

interface Props {
  leaves: SelfLeaf[];
  initial: Record<string, SelfRow>;
  readOnly: boolean;
  busy: boolean;
  onSave: (scores: SelfScore[]) => void;
  onSubmit: (scores: SelfScore[]) => void;
  /** Called before each check, so the page can drop a message about an earlier save. */
  onCheck: () => void;
}

/**
 * One row per self-assessed leaf. Points are checked here first (a decimal comma is fine; above the maximum or not
 * a number is named beside its criterion) and nothing is sent while a row is wrong; sending asks for confirmation
 * in a modal <dialog>, which keeps the keyboard inside it and closes with Escape.
 */
export function SelfAssessmentForm({ leaves, initial, readOnly, busy, onSave, onSubmit, onCheck }: Props) {
  const [rows, setRows] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<SelfScore[]>([]);
  const dialog = useRef<HTMLDialogElement>(null);
  const dialogTitle = useId();
  const edit = (code: string, change: Partial<SelfRow>) => setRows((current) => ({ ...current, [code]: { ...current[code], ...change } }));

  const checked = (complete: boolean) => {
    onCheck();
    const result = checkRows(leaves, rows, complete);
    setErrors(result.errors);
    return Object.keys(result.errors).length === 0 ? result.scores : null;
  };
  const save = () => {
    const scores = checked(false);
    if (scores) onSave(scores);
  };
  const askToSubmit = () => {
    const scores = checked(true);
    if (!scores) return;
    setPending(scores);
    dialog.current?.showModal();
  };
  const confirm = () => {
    dialog.current?.close();
    onSubmit(pending);
  };
  const problems = Object.values(errors);

  return (
    <form className="self-form" onSubmit={(e) => e.preventDefault()} aria-label="Phiếu tự đánh giá">
      {problems.length > 0 && (
        <div role="alert" className="error">
          Chưa gửi được, hãy sửa {problems.length} tiêu chí:
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="table-scroll">
        <table className="data">
          <caption className="visually-hidden">Điểm tự đánh giá theo tiêu chí</caption>
          <thead>
            <tr>
              <th scope="col">Tiêu chí</th>
              <th scope="col" className="num">
                Tối đa
              </th>
              <th scope="col">Điểm tự chấm</th>
              <th scope="col">Áp dụng</th>
              <th scope="col">Tài liệu kiểm chứng (mỗi dòng một văn bản)</th>
              <th scope="col">Giải trình</th>
            </tr>
          </thead>
          <tbody>
            {leaves.map((leaf) => {
              const row = rows[leaf.code];
              const error = errors[leaf.code];
              const errorId = `loi-${leaf.code}`;
              return (
                <tr key={leaf.code} data-code={leaf.code}>
                  <th scope="row">
                    {leaf.code}. {leaf.title}
                  </th>
                  <td className="num" data-label="Tối đa">
                    {formatNumber(leaf.maxPoints)}
                  </td>
                  <td data-label="Điểm tự chấm">
                    <input
                      className="points"
                      inputMode="decimal"
                      aria-label={`Điểm tiêu chí ${leaf.code}`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? errorId : undefined}
                      value={row.points}
                      disabled={readOnly || !row.applicable}
                      onChange={(e) => edit(leaf.code, { points: e.target.value })}
                    />
                    {error && (
                      <span id={errorId} className="field-error">
                        {error}
                      </span>
                    )}
                  </td>
                  <td data-label="Áp dụng">
                    <input
                      type="checkbox"
                      aria-label={`Áp dụng tiêu chí ${leaf.code}`}
                      checked={row.applicable}
                      disabled={readOnly}
                      onChange={(e) => edit(leaf.code, { applicable: e.target.checked, points: e.target.checked ? row.points : '' })}
                    />
                  </td>
                  <td data-label="Tài liệu kiểm chứng">
                    <textarea
                      aria-label={`Tài liệu kiểm chứng tiêu chí ${leaf.code}`}
                      rows={2}
                      value={row.evidence}
                      readOnly={readOnly}
                      onChange={(e) => edit(leaf.code, { evidence: e.target.value })}
                    />
                  </td>
                  <td data-label="Giải trình">
                    <textarea
                      aria-label={`Giải trình tiêu chí ${leaf.code}`}
                      rows={2}
                      value={row.explanation}
                      readOnly={readOnly}
                      onChange={(e) => edit(leaf.code, { explanation: e.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!readOnly && (
        <div className="actions">
          <button type="button" onClick={save} disabled={busy}>
            Lưu nháp
          </button>
          <button type="button" className="primary" onClick={askToSubmit} disabled={busy}>
            Gửi tự đánh giá
          </button>
        </div>
      )}
      <dialog ref={dialog} aria-labelledby={dialogTitle} className="confirm">
        <h2 id={dialogTitle}>Gửi tự đánh giá?</h2>
        <p>Gửi {pending.length} tiêu chí cho đơn vị thẩm định. Sau khi gửi, phiếu không sửa được trên trang này nữa.</p>
        <div className="actions">
          <button type="button" className="primary" onClick={confirm} autoFocus>
            Xác nhận gửi
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Huỷ
          </button>
        </div>
      </dialog>
    </form>
  );
}
