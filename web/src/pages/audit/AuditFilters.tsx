import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { AgencyPicker } from '../../components/AgencyPicker';
import { endOfVietnamDay, startOfVietnamDay } from '../../../../src/domain/calendarDate';
import { EVENT_LABELS } from '../../format/events';
import { compareVietnamese } from '../../format/vietnamese';
import { graphql } from '../../gql';
import type { AuditTrailFilter } from '../../gql/graphql';

const AGENCIES = graphql(`
  query AuditAgencies {
    agencies {
      code
      name
    }
  }
`);

const EVENT_TYPES = Object.entries(EVENT_LABELS).sort((a, b) => compareVietnamese(a[1], b[1]));

const BLANK = { agencyCode: '', eventType: '', actor: '', streamId: '', from: '', to: '' };

/**
 * The trail's filters, applied together when the reader presses "Lọc". Days are Vietnam days: "from" starts at its
 * midnight in Vietnam and "to" includes the whole of its day.
 */
export function AuditFilters({ onApply }: { onApply: (filter: AuditTrailFilter) => void }) {
  const id = useId();
  const [form, setForm] = useState(BLANK);
  const [{ data }] = useQuery({ query: AGENCIES });
  const agencies = [...(data?.agencies ?? [])].sort((a, b) => compareVietnamese(a.name, b.name));
  const set = (field: keyof typeof BLANK) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [field]: e.target.value });
  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const filter: AuditTrailFilter = {};
    if (form.agencyCode) filter.agencyCode = form.agencyCode;
    if (form.eventType) filter.eventType = form.eventType;
    if (form.actor.trim()) filter.actor = form.actor.trim();
    if (form.streamId.trim()) filter.streamId = form.streamId.trim();
    if (form.from) filter.from = startOfVietnamDay(form.from).toISOString();
    if (form.to) filter.to = endOfVietnamDay(form.to).toISOString();
    onApply(filter);
  };
  return (
    <form className="toolbar filters" onSubmit={apply} aria-label="Lọc nhật ký">
      <AgencyPicker agencyCode={form.agencyCode} agencies={agencies} onChange={(agencyCode) => setForm({ ...form, agencyCode })} blank="Tất cả" />
      <span className="picker">
        <label htmlFor={`${id}-type`}>Loại sự kiện</label>
        <select id={`${id}-type`} value={form.eventType} onChange={set('eventType')}>
          <option value="">Tất cả</option>
          {EVENT_TYPES.map(([type, label]) => (
            <option key={type} value={type}>
              {label}
            </option>
          ))}
        </select>
      </span>
      <span className="picker">
        <label htmlFor={`${id}-actor`}>Người thực hiện (sub)</label>
        <input id={`${id}-actor`} value={form.actor} onChange={set('actor')} />
      </span>
      <span className="picker">
        <label htmlFor={`${id}-stream`}>Luồng sự kiện</label>
        <input id={`${id}-stream`} value={form.streamId} onChange={set('streamId')} />
      </span>
      <span className="picker">
        <label htmlFor={`${id}-from`}>Từ ngày</label>
        <input id={`${id}-from`} type="date" value={form.from} onChange={set('from')} />
      </span>
      <span className="picker">
        <label htmlFor={`${id}-to`}>Đến ngày</label>
        <input id={`${id}-to`} type="date" value={form.to} onChange={set('to')} />
      </span>
      <button type="submit" className="primary">
        Lọc
      </button>
    </form>
  );
}
