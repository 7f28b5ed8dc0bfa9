import { useId } from 'react';
import { useQuery } from 'urql';
import { GROUP_LABELS } from '../format/vietnamese';
import { graphql } from '../gql';
import { useSearchParam } from './useSearchParam';

const YEARS = graphql(`
  query CycleYears {
    cycles {
      year
    }
  }
`);

/** The years with a cycle, newest first; the newest is the default of every page that asks for a year. */
function useCycleYears(): number[] {
  const [{ data }] = useQuery({ query: YEARS });
  return [...new Set((data?.cycles ?? []).map((c) => c.year))].sort((a, b) => b - a);
}

/**
 * The page's year, kept in the address (?nam=) so a link shows the same year; without one, the newest cycle's year
 * (this calendar year while the cycles are still loading or none exists).
 */
export function useYearParam(): { year: string; years: number[]; setYear: (year: string) => void } {
  const years = useCycleYears();
  const [yearParam, setYear] = useSearchParam('nam', '');
  const year = yearParam || String(years[0] ?? new Date().getFullYear());
  return { year, years, setYear };
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
