import { useId, useState } from 'react';
import { authorizedFetch } from '../../session/authorizedFetch';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface RowProblem {
  row: number | null;
  column: string | null;
  reason: string;
  message?: string;
}

/**
 * Sends a filled self-assessment template (POST /imports/self-assessment, the workbook as the body): the service
 * checks every row first and either saves them all as a draft or answers 422 with every problem, listed here by
 * row and column as the officer sees them in Excel.
 */
export function TemplateUpload({ year, agencyCode, onSaved }: { year: string; agencyCode: string; onSaved: (message: string) => void }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async () => {
    if (!file) return setFailure('Hãy chọn tệp Excel (.xlsx) đã điền');
    setBusy(true);
    setFailure(null);
    setProblems([]);
    try {
      const query = new URLSearchParams({ year, agencyCode });
      const response = await authorizedFetch(`/imports/self-assessment?${query}`, { method: 'POST', headers: { 'content-type': XLSX }, body: file });
      const body = (await response.json().catch(() => null)) as { scoresSaved?: number; errors?: RowProblem[] } | null;
      if (response.ok) onSaved(`Đã lưu nháp ${body?.scoresSaved ?? ''} tiêu chí từ tệp ${file.name}.`);
      else if (response.status === 422 && body?.errors) setProblems(body.errors);
      else setFailure(`Không tải lên được: ${body?.errors?.[0]?.message ?? response.statusText}`);
    } catch {
      setFailure('Không kết nối được với máy chủ PAR Ledger');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="upload">
      <span className="picker">
        <label htmlFor={id}>Tệp Excel đã điền</label>
        <input
          id={id}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </span>
      <button type="button" onClick={() => void upload()} disabled={busy}>
        Tải lên
      </button>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      {problems.length > 0 && (
        <div role="alert" className="error">
          <p>Tệp chưa được lưu: {problems.length} lỗi.</p>
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">Lỗi trong tệp tải lên</caption>
              <thead>
                <tr>
                  <th scope="col">Dòng</th>
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
    </div>
  );
}
