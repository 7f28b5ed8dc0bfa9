import type { ReportingPeriod } from '../enums';
import { badInput } from '../errors';
import { requireCode, requireYear } from '../validation';

/** What names a reporting round: its period and year, the quarter of a quarterly one, the code of an ad-hoc one. */
interface RoundKey {
  period: ReportingPeriod;
  year: number;
  quarter?: number | null;
  code?: string | null;
}

/**
 * The round's id and Vietnamese title, readable and unique per round: "BC-2030-Q1", "BC-2030-6T" (the six-month
 * report; the second half is the year's report), "BC-2030-N", and "BC-2030-<code>" for an ad-hoc one, whose code the
 * coordinator chooses. Refuses a quarter or code where the period takes none, naming the field.
 */
export function roundOf(key: RoundKey): { reportingId: string; quarter: number | null; code: string | null; title: string } {
  const year = requireYear('year', key.year);
  const quarter = key.quarter ?? null;
  const code = key.code ?? null;
  if (key.period === 'QUARTER') {
    if (quarter === null || !Number.isInteger(quarter) || quarter < 1 || quarter > 4)
      throw badInput('quarter', `a quarterly round names a quarter 1–4, not ${quarter}`);
  } else if (quarter !== null) {
    throw badInput('quarter', `only a QUARTER round names a quarter, not ${key.period}`);
  }
  if (key.period === 'AD_HOC') {
    if (code === null) throw badInput('code', 'an AD_HOC round needs its own code, e.g. "CDS"');
    requireCode('code', code);
  } else if (code !== null) {
    throw badInput('code', `only an AD_HOC round takes a code; a ${key.period} round is named by its period`);
  }
  switch (key.period) {
    case 'QUARTER':
      return { reportingId: `BC-${year}-Q${quarter}`, quarter, code, title: `Báo cáo CCHC quý ${quarter} năm ${year}` };
    case 'HALF_YEAR':
      return { reportingId: `BC-${year}-6T`, quarter, code, title: `Báo cáo CCHC 6 tháng đầu năm ${year}` };
    case 'YEAR':
      return { reportingId: `BC-${year}-N`, quarter, code, title: `Báo cáo CCHC năm ${year}` };
    case 'AD_HOC':
      return { reportingId: `BC-${year}-${code}`, quarter, code, title: `Báo cáo CCHC đột xuất ${code} năm ${year}` };
  }
}
