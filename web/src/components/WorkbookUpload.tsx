import { useId, useState } from 'react';
import { authorizedFetch } from '../session/authorizedFetch';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One refused cell as the service's 422 lists it; a problem with the whole file has no row or column. */
interface RowProblem {
  row: number | null;
  column: string | null;
  reason: string;
  message?: string;
}

/** The words of one page's upload, so each keeps its own Vietnamese while the sending and the problems are shared. */
export interface WorkbookUploadTexts {
  /** The file input's visible label (also its accessible name). */
  label: string;
  /** The button's text. */
  action: string;
  /** Shown when the button is pressed before a file is chosen. */
  missing: string;
  /** Prefix of a refusal that is not a list of cells (a 409, a 403, …). */
  refused: string;
  /** The line above the problems table. */
  notSaved: (count: number) => string;
  /** The success line handed to onSaved, from the file's name and the service's answer. */
  saved: (fileName: string, answer: Record<string, unknown>) => string;
}

/**
 * A filled workbook sent whole to an import route (the raw file as the body, POST `path`). The service checks every
 * row first and either takes them all or answers 422 with every problem, listed here by row and column as the
 * reader sees them in Excel so the sheet can be fixed and sent again.
 */
export function WorkbookUpload({ path, texts, onSaved }: { path: string; texts: WorkbookUploadTexts; onSaved: (message: string) => void }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setProblems([]);
    if (!file) return setFailure(texts.missing);
    setBusy(true);
    try {
      const response = await authorizedFetch(path, { method: 'POST', headers: { 'content-type': XLSX }, body: file });
      const body = (await response.json().catch(() => null)) as ({ errors?: RowProblem[] } & Record<string, unknown>) | null;
      const errors = body?.errors ?? [];
      if (response.ok) onSaved(texts.saved(file.name, body ?? {}));
      else if (response.status === 422 && errors.length > 0) setProblems(errors);
      else setFailure(`${texts.refused}: ${errors[0]?.message ?? errors[0]?.reason ?? response.statusText}`);
    } catch {
      setFailure('Không kết nối được với máy chủ PAR Ledger');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="upload" onSubmit={(e) => void upload(e)}>
      <span className="picker">
        <label htmlFor={id}>{texts.label}</label>
        <input id={id} type="file" accept={`.xlsx,${XLSX}`} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </span>
      <button type="submit" disabled={busy}>
        {texts.action}
      </button>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      {problems.length > 0 && (
        <div role="alert" className="error">
          <p>{texts.notSaved(problems.length)}</p>
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">Lỗi trong tệp tải lên</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Dòng
                  </th>
                  <th scope="col">Cột</th>
                  <th scope="col">Lỗi</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, i) => (
                  <tr key={i}>
                    <td className="num">{p.row ?? '—'}</td>
                    <td>{p.column ?? '—'}</td>
                    <td>{p.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </form>
  );
}
