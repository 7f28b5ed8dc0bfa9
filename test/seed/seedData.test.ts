import type { AgencyGroup, CriterionDefinition } from '../../src/events/parEvents';
import { normaliseFramework } from '../../src/domain/framework/frameworkInput';
import { toPoints } from '../../src/domain/points';
import { quangNamAgencies } from '../../src/seed/quangNamAgencies';
import { sampleFrameworks } from '../../src/seed/sampleFrameworks';

const CODE = /^[A-Z0-9][A-Z0-9_.-]{0,39}$/;
const codes = new Set(quangNamAgencies.map((a) => a.code));

/** Exact sum in ten-thousandths, compared against the expected maxima in the same unit. */
const pts = (value: number): number => {
  const p = toPoints(value);
  if (p === null) throw new Error(`${value} is not a valid point value`);
  return p;
};
const sum = (values: number[]): number => values.reduce((acc, v) => acc + pts(v), 0);

const leaves = (nodes: readonly CriterionDefinition[]): CriterionDefinition[] => nodes.flatMap((n) => (n.children.length === 0 ? [n] : leaves(n.children)));

const nameOf = (code: string) => quangNamAgencies.find((a) => a.code === code)?.name;

describe('Quảng Nam seed agencies', () => {
  it('has unique codes that are valid agency codes', () => {
    expect(codes.size).toBe(quangNamAgencies.length);
    for (const a of quangNamAgencies) expect(a.code).toMatch(CODE);
  });

  it('has 20 departments, 5 provincial branches and 18 districts', () => {
    const count = (g: AgencyGroup) => quangNamAgencies.filter((a) => a.group === g).length;
    expect(count('DEPARTMENT')).toBe(20);
    expect(count('PROVINCIAL_BRANCH')).toBe(5);
    expect(count('DISTRICT')).toBe(18);
    expect(count('COMMUNE')).toBe(0);
    expect(quangNamAgencies).toHaveLength(43);
  });

  it('keeps the Vietnamese diacritics of the sources', () => {
    expect(nameOf('STP')).toBe('Sở Tư pháp');
    expect(nameOf('VPUBND')).toBe('Văn phòng UBND tỉnh');
    expect(nameOf('SLDTBXH')).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(nameOf('SVHTTDL')).toBe('Sở Văn hóa, Thể thao và Du lịch');
    expect(nameOf('BQLKKTKCN')).toBe('Ban Quản lý các Khu kinh tế và Khu công nghiệp tỉnh');
    expect(nameOf('CHQ')).toBe('Cục Hải quan Quảng Nam');
    expect(nameOf('NONGSON')).toBe('UBND Huyện Nông Sơn');
    expect(nameOf('TAMKY')).toBe('UBND Thành phố Tam Kỳ');
    expect(nameOf('DIENBAN')).toBe('UBND Thị xã Điện Bàn');
    expect(nameOf('DAILOC')).toBe('UBND Huyện Đại Lộc');
    // Every source name carries diacritics (at least "Sở", "tỉnh" or "Huyện"), so no seed name may be plain ASCII.
    const asciiOnly = quangNamAgencies.filter((a) => /^[\x20-\x7e]*$/.test(a.name)).map((a) => a.code);
    expect(asciiOnly).toEqual([]);
  });

  it('names district units "UBND " + the unit name', () => {
    for (const a of quangNamAgencies.filter((x) => x.group === 'DISTRICT')) {
      expect(a.name).toMatch(/^UBND (Thành phố|Thị xã|Huyện) \S/u);
    }
  });

  it('uses the NFC form, so names compare equal to typed text', () => {
    for (const a of quangNamAgencies) expect(a.name).toBe(a.name.normalize('NFC'));
  });

  it('registers every appraising department of the regulation', () => {
    for (const code of ['SNV', 'STP', 'STC', 'STTTT', 'SKHCN', 'SKHDT', 'VPUBND']) expect(codes.has(code)).toBe(true);
  });
});

describe('sample frameworks', () => {
  const AREA_MAXIMA = [10, 10, 14.5, 11, 16, 7, 16, 15.5];
  const AREA_APPRAISER: Record<string, string> = { '1': 'SNV', '2': 'STP', '3': 'VPUBND', '4': 'SNV', '5': 'SNV', '6': 'STC' };
  const normalised = sampleFrameworks.map((input) => normaliseFramework(input, (code) => codes.has(code)));

  it('has one framework per group, with the expected codes', () => {
    expect(sampleFrameworks.map((f) => f.group)).toEqual(['DEPARTMENT', 'PROVINCIAL_BRANCH', 'DISTRICT']);
    expect(new Set(sampleFrameworks.map((f) => f.group)).size).toBe(sampleFrameworks.length);
    expect(sampleFrameworks.map((f) => f.code)).toEqual(['QN-SAMPLE-SO', 'QN-SAMPLE-NGANHDOC', 'QN-SAMPLE-HUYEN']);
  });

  describe.each(sampleFrameworks.map((f, i) => [f.code, i] as const))('%s', (_code, i) => {
    const input = sampleFrameworks[i]!;
    const fw = normalised[i]!;

    it('is flagged and titled as a sample', () => {
      expect(input.sample).toBe(true);
      expect(fw.sample).toBe(true);
      expect(fw.title).toMatch(/MẪU/);
      expect(fw.title).toMatch(/không phải bộ chỉ số chính thức/);
      expect(fw.methodology).toMatch(/^Mẫu theo cấu trúc Chỉ số CCHC cấp tỉnh của QĐ 2948\/QĐ-BNV/);
      // Issued by no decision, and PAR-INDEX.md knows 2948/QĐ-BNV by number and year only.
      expect(fw.legalBasis).toBeNull();
    });

    it('states in its methodology the area maxima it has', () => {
      const maxima = fw.areas.map((a) => String(a.maxPoints).replace('.', ',')).join('; ');
      expect(fw.methodology).toContain(`tối đa ${maxima} = 100 điểm`);
      expect(fw.code).toMatch(CODE);
    });

    it('carries example bonus and penalty caps of 2 points each', () => {
      expect([fw.bonusMaxPoints, fw.penaltyMaxPoints]).toEqual([2, 2]);
    });

    it('totals exactly 100 points, with the QĐ 2948 area maxima', () => {
      expect(pts(fw.maxPoints)).toBe(pts(100));
      expect(fw.areas.map((a) => a.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
      const areaSums = fw.areas.map((a) => sum(a.criteria.map((c) => c.maxPoints)));
      expect(areaSums).toEqual(AREA_MAXIMA.map(pts));
      // Leaves alone add up to the same totals.
      expect(fw.areas.map((a) => sum(leaves(a.criteria).map((l) => l.maxPoints)))).toEqual(AREA_MAXIMA.map(pts));
    });

    it('has 2–4 criteria per area, some with sub-criteria, and 30–42 leaves', () => {
      for (const a of fw.areas) {
        expect(a.criteria.length).toBeGreaterThanOrEqual(2);
        expect(a.criteria.length).toBeLessThanOrEqual(4);
        for (const c of leaves(a.criteria)) expect(c.code.startsWith(`${a.code}.`)).toBe(true);
      }
      expect(fw.areas.some((a) => a.criteria.some((c) => c.children.length > 0))).toBe(true);
      const all = fw.areas.flatMap((a) => leaves(a.criteria));
      expect(all.length).toBeGreaterThanOrEqual(30);
      expect(all.length).toBeLessThanOrEqual(42);
      // At most two decimals on every leaf.
      for (const l of all) expect(pts(l.maxPoints) % 100).toBe(0);
    });

    it('assigns appraisers per the regulation table', () => {
      for (const a of fw.areas.filter((x) => x.code in AREA_APPRAISER)) {
        for (const l of leaves(a.criteria)) {
          expect(l.method).toBe('SELF_ASSESSED');
          expect(l.appraiserCode).toBe(AREA_APPRAISER[a.code]);
        }
      }
    });

    it('has the ISO 9001 leaf appraised by SKHCN and the rest of area 7 by STTTT', () => {
      const area7 = leaves(fw.areas.find((a) => a.code === '7')!.criteria);
      const iso = area7.filter((l) => /ISO 9001/.test(l.title));
      expect(iso.length).toBeGreaterThanOrEqual(1);
      for (const l of iso) expect(l.appraiserCode).toBe('SKHCN');
      for (const l of area7.filter((x) => !iso.includes(x))) expect(l.appraiserCode).toBe('STTTT');
    });

    it('scores area 8 by a SKHDT-appraised impact criterion and survey leaves', () => {
      const area8 = leaves(fw.areas.find((a) => a.code === '8')!.criteria);
      const surveyLeaves = area8.filter((l) => l.method === 'SURVEY');
      expect(surveyLeaves.length).toBeGreaterThanOrEqual(1);
      for (const l of surveyLeaves) expect(l.appraiserCode).toBeNull();
      const selfAssessed = area8.filter((l) => l.method === 'SELF_ASSESSED');
      expect(selfAssessed).toHaveLength(1);
      expect(selfAssessed[0]!.appraiserCode).toBe('SKHDT');
    });
  });

  it('differs between groups (districts score commune-level one-stop shops)', () => {
    const titles = normalised.map((fw) => fw.areas.flatMap((a) => leaves(a.criteria)).map((l) => l.title));
    expect(titles[0]).not.toEqual(titles[1]);
    expect(titles[0]).not.toEqual(titles[2]);
    expect(titles[2]!.some((t) => /Một cửa cấp xã/.test(t))).toBe(true);
  });

  it('rejects a sample framework when an appraiser is not registered', () => {
    expect(() => normaliseFramework(sampleFrameworks[0]!, (code) => code !== 'SKHCN')).toThrow(/SKHCN/);
  });
});
