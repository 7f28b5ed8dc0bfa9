import { DUTY_STATUS_LABELS, formatDate } from '../../format/vietnamese';
import type { DutyRow } from './dutyRows';

/** The duties as one table; overdue rows are marked by colour and by their label, so no one depends on the colour. */
export function DutyTable({ rows, caption }: { rows: DutyRow[]; caption: string }) {
  if (rows.length === 0) return <p>Không có nhiệm vụ nào.</p>;
  return (
    <div className="table-scroll">
      <table className="data duties">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Trạng thái</th>
            <th scope="col">Loại việc</th>
            <th scope="col">Nội dung</th>
            <th scope="col">Hạn</th>
            <th scope="col">Căn cứ</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={`status-${row.status.toLowerCase()}`}>
              <td>
                <span className={`badge duty-${row.status.toLowerCase()}`}>{DUTY_STATUS_LABELS[row.status]}</span>
                {row.late && <> (trễ hạn)</>}
              </td>
              <td>{row.what}</td>
              <th scope="row">{row.title}</th>
              <td className="num">{formatDate(row.dueAt)}</td>
              <td>{row.legalBasis ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
