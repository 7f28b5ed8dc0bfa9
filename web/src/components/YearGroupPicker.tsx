import { useId } from 'react';
import { useQuery } from 'urql';
import { GROUP_LABELS } from '../format/vietnamese';
import { graphql } from '../gql';

const YEARS = graphql(`
  query CycleYears {
    cycles {
      year
    }
  }
`);

/** The years with a cycle, newest first; the newest is the default of every page that asks for a year. */
export function useCycleYears(): number[] {
  const [{ data }] = useQuery({ query: YEARS });
  return [...new Set((data?.cycles ?? []).map((c) => c.year))].sort((a, b) => b - a);
}

export function YearPicker({ year, years, onChange }: { year: string; years: number[]; onChange: (year: string) => void }) {
  const id = useId();
  return (
    <span className="picker">
      <label htmlFor={id}>Năm</label>
      <select id={id} value={year} onChange={(e) => onChange(e.target.value)}>
        {years.map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </select>
    </span>
  );
}

export function GroupPicker({ group, onChange }: { group: string; onChange: (group: string) => void }) {
  const id = useId();
  return (
    <span className="picker">
      <label htmlFor={id}>Nhóm</label>
      <select id={id} value={group} onChange={(e) => onChange(e.target.value)}>
        {Object.entries(GROUP_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </span>
  );
}
