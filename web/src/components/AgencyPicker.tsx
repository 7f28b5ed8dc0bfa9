import { useId } from 'react';

export interface AgencyOption {
  code: string;
  name: string;
}

/**
 * A labelled choice of agency; the caller passes them in the order readers expect (Vietnamese name order). `blank`
 * names an empty choice that stays offered (a filter's "Tất cả"); without it one is offered only while none is chosen.
 */
export function AgencyPicker({
  agencyCode,
  agencies,
  onChange,
  blank,
}: {
  agencyCode: string;
  agencies: AgencyOption[];
  onChange: (code: string) => void;
  blank?: string;
}) {
  const id = useId();
  return (
    <span className="picker">
      <label htmlFor={id}>Đơn vị</label>
      <select id={id} value={agencyCode} onChange={(e) => onChange(e.target.value)}>
        {blank !== undefined ? <option value="">{blank}</option> : !agencies.some((a) => a.code === agencyCode) && <option value="">— Chọn đơn vị —</option>}
        {agencies.map((a) => (
          <option key={a.code} value={a.code}>
            {a.name}
          </option>
        ))}
      </select>
    </span>
  );
}
