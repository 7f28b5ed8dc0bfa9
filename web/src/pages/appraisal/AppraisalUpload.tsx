import { useId, useState } from 'react';
import { authorizedFetch } from '../../session/authorizedFetch';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface RowError {
  row: number;
  column: string;
  reason: string;
}

/**
 * The appraisal sheet filled offline, sent back whole (POST /imports/appraisal, the raw file as the body). The
 * service reads the year and agencies from the sheet and takes all its rows or none; when it refuses, each refused cell is listed so the sheet can be fixed.
 */
export function AppraisalUpload({ onDone }: { onDone: (message: string) => void }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors([]);
    setProblem(null);
    if (!file) return setProblem('Hãy chọn tệp Excel đã điền');
    setSending(true);
    try {
      const response = await authorizedFetch('/imports/appraisal', { method: 'POST', headers: { 'content-type': XLSX }, body: file });
      const body = (await response.json().catch(() => null)) as { errors?: (Partial<RowError> & { message?: string })[] } | null;
      if (response.ok) return onDone(`Đã nhập tệp thẩm định ${file.name}`);
      const rows = (body?.errors ?? []).filter((e): e is RowError => typeof e.row === 'number');
      if (response.status === 422 && rows.length > 0) return setErrors(rows);
      setProblem(`Không nhập được tệp: ${body?.errors?.[0]?.message ?? body?.errors?.[0]?.reason ?? response.statusText}`);
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="toolbar" onSubmit={(e) => void send(e)}>
      <span className="picker">
        <label htmlFor={id}>Tệp thẩm định đã điền (.xlsx)</label>
        <input id={id} type="file" accept={`.xlsx,${XLSX}`} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </span>
      <button type="submit" disabled={sending}>
        Nhập tệp thẩm định
      </button>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {errors.length > 0 && (
        <div className="table-scroll" role="alert">
          <table className="data">
            <caption>Tệp chưa được nhập: sửa các ô sau rồi gửi lại</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Dòng
                </th>
                <th scope="col">Cột</th>
                <th scope="col">Lý do</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((e, i) => (
                <tr key={i}>
                  <td className="num">{e.row}</td>
                  <td>{e.column}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  );
}
