/** The criteria set one compared year used; null for a ranking imported from elsewhere (its set is not known). */
interface ComparedYear {
  year: number;
  frameworkCode: string | null;
}

export interface FrameworkComparison {
  frameworksDiffer: boolean;
  /** Said to the analyst in Vietnamese when the sets differ or are unknown; null when one set covers every year. */
  note: string | null;
}

const UNKNOWN = 'không rõ (kết quả nhập từ nơi khác)';

/**
 * Whether the years compared were scored on different criteria sets: points of different sets are not alike, so an
 * analysis across them compares index percentages, and says so. An imported year's set is unknown, so it cannot be
 * shown to be the same as any other: years compared with one count as differing.
 */
export function compareFrameworks(years: readonly ComparedYear[]): FrameworkComparison {
  const byFramework = new Map<string | null, Set<number>>();
  for (const y of years) byFramework.set(y.frameworkCode, (byFramework.get(y.frameworkCode) ?? new Set()).add(y.year));
  const distinctYears = new Set(years.map((y) => y.year));
  const differ = distinctYears.size > 1 && (byFramework.size > 1 || byFramework.has(null));
  if (!differ) return { frameworksDiffer: false, note: null };
  const parts = [...byFramework]
    .map(([code, yearsOf]) => ({ code, years: [...yearsOf].sort((a, b) => a - b) }))
    .sort((a, b) => a.years[0] - b.years[0])
    .map(({ code, years: ys }) => `${ys.join(', ')}: ${code ?? UNKNOWN}`);
  const which = byFramework.has(null) ? 'khác nhau hoặc không rõ' : 'khác nhau';
  return { frameworksDiffer: true, note: `Các năm dùng bộ tiêu chí ${which} (${parts.join('; ')}): so sánh theo chỉ số %, không so sánh điểm.` };
}
