import type { RegisteredUnit } from '../../src/domain/lineage/lineage';
import { carriedBy, carrierOn, unitOf } from '../../src/domain/lineage/lineage';
import { lineageDecider } from '../../src/domain/lineage/lineageDecider';
import type { LineageCommand } from '../../src/domain/lineage/lineageCommands';
import { event, type LineageEvent } from '../../src/events/parEvents';
import { ofType, specFor } from './givenWhenThen';

const spec = specFor(lineageDecider);

const unit = (code: string, name: string, group: RegisteredUnit['group'] = 'DEPARTMENT'): RegisteredUnit => ({
  code,
  name,
  group,
  jurisdiction: 'QNA',
  activeFrom: null,
});
const REGISTERED: Record<string, RegisteredUnit | null> = {
  STTTT: unit('STTTT', 'Sở Thông tin và Truyền thông'),
  SKHCN: unit('SKHCN', 'Sở Khoa học và Công nghệ'),
  STNMT: unit('STNMT', 'Sở Tài nguyên và Môi trường'),
  SNNPTNT: unit('SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn'),
  NONGSON: unit('NONGSON', 'UBND Huyện Nông Sơn', 'DISTRICT'),
  QUESON: unit('QUESON', 'UBND Huyện Quế Sơn', 'DISTRICT'),
};
const registered = (...codes: string[]) => Object.fromEntries(codes.map((c) => [c, REGISTERED[c] ?? null]));
const basis = { number: '01/NQ-HĐND', date: '2025-02-01' };
const recorded = { number: '01/NQ-HĐND', date: '2025-02-01', title: null, url: null };

type Cmd<T extends LineageCommand['type']> = Omit<Extract<LineageCommand, { type: T }>, 'type'>;
const rename = (c: Partial<Cmd<'RenameAgency'>> = {}): LineageCommand => ({
  type: 'RenameAgency',
  code: 'STTTT',
  name: 'Sở Thông tin, Truyền thông',
  effectiveFrom: '2024-01-01',
  legalBasis: basis,
  registered: registered('STTTT'),
  ...c,
});
const merge = (c: Partial<Cmd<'MergeAgencies'>>, codes: string[]): LineageCommand => ({
  type: 'MergeAgencies',
  sourceCodes: ['STTTT'],
  into: { code: 'SKHCN' },
  effectiveFrom: '2025-03-01',
  legalBasis: basis,
  registered: registered(...codes),
  ...c,
});

const merged = event('AgenciesMerged', {
  sourceCodes: ['STTTT'],
  into: { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', group: 'DEPARTMENT', jurisdiction: 'QNA', isNew: false },
  effectiveFrom: '2025-03-01',
  legalBasis: recorded,
});

describe('lineageDecider: renames', () => {
  it('renames an active unit from a date, keeping the previous name in the event', () => {
    spec
      .given([])
      .when(rename())
      .then([
        event('AgencyRenamed', {
          code: 'STTTT',
          name: 'Sở Thông tin, Truyền thông',
          previousName: 'Sở Thông tin và Truyền thông',
          effectiveFrom: '2024-01-01',
          legalBasis: recorded,
        }),
      ]);
  });

  it('refuses an unknown unit (NOT_FOUND on code), the same name, and a missing or bad legal basis', () => {
    spec
      .given([])
      .when(rename({ code: 'NOPE', registered: {} }))
      .thenError('NOT_FOUND', 'code');
    spec
      .given([])
      .when(rename({ name: 'Sở Thông tin và Truyền thông' }))
      .thenError('BAD_USER_INPUT', 'name');
    spec
      .given([])
      .when(rename({ legalBasis: { number: ' ', date: '2025-01-01' } }))
      .thenError('BAD_USER_INPUT', 'legalBasis.number');
    spec
      .given([])
      .when(rename({ legalBasis: { number: '1/QĐ', date: '2025-13-45' } }))
      .thenError('BAD_USER_INPUT', 'legalBasis.date');
    spec
      .given([])
      .when(rename({ effectiveFrom: 'soon' }))
      .thenError('BAD_USER_INPUT', 'effectiveFrom');
  });

  it('refuses a change that takes effect before the unit’s last one: changes are recorded in the order they took effect', () => {
    const first = spec.given([]).when(rename()).events();
    spec
      .given(first)
      .when(rename({ name: 'Sở TT&TT', effectiveFrom: '2023-06-01' }))
      .thenError('BAD_USER_INPUT', 'effectiveFrom');
    expect(
      spec
        .given(first)
        .when(rename({ name: 'Sở TT&TT', effectiveFrom: '2024-06-01' }))
        .events(),
    ).toHaveLength(1);
  });
});

describe('lineageDecider: mergers', () => {
  it('merges a unit into an existing one: the source ends the day before, the target carries its work', () => {
    const [e] = spec
      .given([])
      .when(merge({}, ['STTTT', 'SKHCN']))
      .then([merged]);
    const state = spec.given([e]).state;
    expect(unitOf(state, REGISTERED.STTTT, 'STTTT')).toMatchObject({ activeUntil: '2025-02-28', mergedInto: { code: 'SKHCN', effectiveFrom: '2025-03-01' } });
    expect(carrierOn(state, 'STTTT', '2025-02-28')).toBe('STTTT');
    expect(carrierOn(state, 'STTTT', '2025-03-01')).toBe('SKHCN');
    expect(carriedBy(state, 'SKHCN', '2025-06-01').sort()).toEqual(['SKHCN', 'STTTT']);
  });

  it('merges units into a new code, which the change registers with its name and group', () => {
    const [e] = spec
      .given([])
      .when(
        merge({ sourceCodes: ['STNMT', 'SNNPTNT'], into: { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường', group: 'DEPARTMENT' } }, [
          'STNMT',
          'SNNPTNT',
          'SNNMT',
        ]),
      )
      .events();
    expect(ofType(e, 'AgenciesMerged').data.into).toEqual({
      code: 'SNNMT',
      name: 'Sở Nông nghiệp và Môi trường',
      group: 'DEPARTMENT',
      jurisdiction: 'QNA',
      isNew: true,
    });
    const state = spec.given([e]).state;
    expect(unitOf(state, null, 'SNNMT')).toMatchObject({ code: 'SNNMT', activeFrom: '2025-03-01', activeUntil: null });
  });

  it('refuses a new target without name or group, an existing target named otherwise, a source listed twice or as the target', () => {
    spec
      .given([])
      .when(merge({ into: { code: 'NEW', group: 'DEPARTMENT' } }, ['STTTT', 'NEW']))
      .thenError('BAD_USER_INPUT', 'into.name');
    spec
      .given([])
      .when(merge({ into: { code: 'NEW', name: 'Sở mới' } }, ['STTTT', 'NEW']))
      .thenError('BAD_USER_INPUT', 'into.group');
    spec
      .given([])
      .when(merge({ into: { code: 'SKHCN', name: 'Sở KH&CN' } }, ['STTTT', 'SKHCN']))
      .thenError('BAD_USER_INPUT', 'into.name');
    spec
      .given([])
      .when(merge({ sourceCodes: ['STTTT', 'STTTT'] }, ['STTTT', 'SKHCN']))
      .thenError('BAD_USER_INPUT', 'sourceCodes[1]');
    spec
      .given([])
      .when(merge({ sourceCodes: ['SKHCN'] }, ['SKHCN']))
      .thenError('BAD_USER_INPUT', 'sourceCodes[0]');
    spec
      .given([])
      .when(merge({ sourceCodes: [] }, ['SKHCN']))
      .thenError('BAD_USER_INPUT', 'sourceCodes');
  });

  it('refuses to merge a unit that has already ended, or into one that has', () => {
    spec
      .given([merged])
      .when(merge({ effectiveFrom: '2025-07-01' }, ['STTTT', 'SKHCN']))
      .thenError('BAD_USER_INPUT', 'sourceCodes[0]');
    spec
      .given([merged])
      .when(merge({ sourceCodes: ['SKHCN'], into: { code: 'STTTT' }, effectiveFrom: '2025-07-01' }, ['STTTT', 'SKHCN']))
      .thenError('BAD_USER_INPUT', 'into.code');
  });
});

describe('lineageDecider: splits, dissolutions, moves', () => {
  const split = (c: Partial<Cmd<'SplitAgency'>> = {}, codes = ['QUESON', 'QS1', 'QS2']): LineageCommand => ({
    type: 'SplitAgency',
    sourceCode: 'QUESON',
    into: [
      { code: 'QS1', name: 'UBND Xã Quế Sơn 1', group: 'COMMUNE' },
      { code: 'QS2', name: 'UBND Xã Quế Sơn 2', group: 'COMMUNE' },
    ],
    effectiveFrom: '2025-07-01',
    legalBasis: basis,
    registered: registered(...codes),
    ...c,
  });

  it('splits a unit into new ones: it ends, each part begins with its own group', () => {
    const [e] = spec.given([]).when(split()).events();
    const data = ofType(e, 'AgencySplit').data;
    expect(data.into.map((t) => [t.code, t.group, t.isNew])).toEqual([
      ['QS1', 'COMMUNE', true],
      ['QS2', 'COMMUNE', true],
    ]);
    const state = spec.given([e]).state;
    expect(unitOf(state, REGISTERED.QUESON, 'QUESON')?.activeUntil).toBe('2025-06-30');
    expect(unitOf(state, null, 'QS2')?.activeFrom).toBe('2025-07-01');
  });

  it('refuses a split into fewer than two units, or into itself', () => {
    spec
      .given([])
      .when(split({ into: [{ code: 'QS1', name: 'X', group: 'COMMUNE' }] }))
      .thenError('BAD_USER_INPUT', 'into');
    spec
      .given([])
      .when(split({ into: [{ code: 'QUESON' }, { code: 'QS1', name: 'X', group: 'COMMUNE' }] }))
      .thenError('BAD_USER_INPUT', 'into[0].code');
  });

  it('dissolves a unit, which can then take no further change', () => {
    const dissolve: LineageCommand = {
      type: 'DissolveAgency',
      code: 'NONGSON',
      effectiveFrom: '2025-01-01',
      legalBasis: basis,
      reason: ' ',
      registered: registered('NONGSON'),
    };
    const [e] = spec
      .given([])
      .when(dissolve)
      .then([event('AgencyDissolved', { code: 'NONGSON', reason: null, effectiveFrom: '2025-01-01', legalBasis: recorded })]);
    spec
      .given([e])
      .when(rename({ code: 'NONGSON', registered: registered('NONGSON'), effectiveFrom: '2025-02-01' }))
      .thenError('BAD_USER_INPUT', 'code');
  });

  it('moves a unit to another group or a registered jurisdiction, and refuses a move that changes nothing', () => {
    const move = (c: Partial<Cmd<'MoveAgency'>>): LineageCommand => ({
      type: 'MoveAgency',
      code: 'QUESON',
      effectiveFrom: '2025-07-01',
      legalBasis: basis,
      registered: registered('QUESON'),
      ...c,
    });
    expect(
      ofType(
        spec
          .given([])
          .when(move({ group: 'COMMUNE' }))
          .events()[0],
        'AgencyMoved',
      ).data,
    ).toMatchObject({ group: 'COMMUNE', previousGroup: 'DISTRICT', jurisdiction: 'QNA' });
    spec
      .given([])
      .when(move({ jurisdiction: 'DNG' }))
      .thenError('NOT_FOUND', 'jurisdiction');
    const dng = event('JurisdictionRegistered', { code: 'DNG', name: 'Thành phố Đà Nẵng', activeFrom: '2025-07-01' });
    expect(
      ofType(
        spec
          .given([dng])
          .when(move({ jurisdiction: 'DNG' }))
          .events()[0],
        'AgencyMoved',
      ).data,
    ).toMatchObject({ jurisdiction: 'DNG', previousJurisdiction: 'QNA' });
    spec
      .given([])
      .when(move({ group: 'DISTRICT' }))
      .thenError('BAD_USER_INPUT', 'group');
  });
});

describe('lineageDecider: a chain (renamed, merged into another, which is then split)', () => {
  it('follows each step against the state the earlier ones left', () => {
    const events: LineageEvent[] = [];
    const step = (command: LineageCommand) => events.push(...spec.given(events).when(command).events());
    step(rename({ effectiveFrom: '2020-01-01' }));
    step(merge({}, ['STTTT', 'SKHCN']));
    step({
      type: 'SplitAgency',
      sourceCode: 'SKHCN',
      into: [
        { code: 'SKH', name: 'Sở Khoa học', group: 'DEPARTMENT' },
        { code: 'SCN', name: 'Sở Công nghệ và Chuyển đổi số', group: 'DEPARTMENT' },
      ],
      effectiveFrom: '2026-01-01',
      legalBasis: basis,
      registered: registered('SKHCN', 'SKH', 'SCN'),
    });
    expect(events.map((e) => e.type)).toEqual(['AgencyRenamed', 'AgenciesMerged', 'AgencySplit']);
    const state = spec.given(events).state;
    expect(unitOf(state, REGISTERED.STTTT, 'STTTT')).toMatchObject({ name: 'Sở Thông tin, Truyền thông', activeUntil: '2025-02-28' });
    expect(unitOf(state, REGISTERED.SKHCN, 'SKHCN')).toMatchObject({ activeUntil: '2025-12-31' });
    // A split names no heir: the merged unit's work stays with the split unit until the coordinator assigns it.
    expect(carrierOn(state, 'STTTT', '2026-06-01')).toBe('SKHCN');
    // A code a change registered cannot be registered again, nor split into again.
    spec
      .given(events)
      .when(merge({ sourceCodes: ['STNMT'], into: { code: 'SKH', name: 'Khác', group: 'DEPARTMENT' }, effectiveFrom: '2026-02-01' }, ['STNMT', 'SKH']))
      .thenError('BAD_USER_INPUT', 'into.name');
  });
});

describe('lineageDecider: jurisdictions', () => {
  const qna = event('JurisdictionRegistered', { code: 'QNA', name: 'Tỉnh Quảng Nam', activeFrom: '1997-01-01' });
  const dngOld = event('JurisdictionRegistered', { code: 'DNG-1997', name: 'Thành phố Đà Nẵng (1997–2025)', activeFrom: '1997-01-01' });
  const mergeJ = (c: Partial<Cmd<'MergeJurisdictions'>> = {}): LineageCommand => ({
    type: 'MergeJurisdictions',
    sourceCodes: ['QNA', 'DNG-1997'],
    into: { code: 'DNG', name: 'Thành phố Đà Nẵng' },
    effectiveFrom: '2025-07-01',
    legalBasis: { number: '202/2025/QH15', date: '2025-06-12' },
    ...c,
  });

  it('registers a jurisdiction once', () => {
    spec.given([]).when({ type: 'RegisterJurisdiction', code: 'QNA', name: 'Tỉnh Quảng Nam', activeFrom: '1997-01-01' }).then([qna]);
    spec.given([qna]).when({ type: 'RegisterJurisdiction', code: 'QNA', name: 'Quảng Nam' }).thenError('CONFLICT', 'code');
  });

  it('merges jurisdictions into a new one, and refuses unknown or ended sources', () => {
    const [e] = spec.given([qna, dngOld]).when(mergeJ()).events();
    expect(ofType(e, 'JurisdictionsMerged').data.into).toEqual({ code: 'DNG', name: 'Thành phố Đà Nẵng', isNew: true });
    spec.given([qna]).when(mergeJ()).thenError('NOT_FOUND', 'sourceCodes[1]');
    spec
      .given([qna, dngOld, e])
      .when(mergeJ({ into: { code: 'X', name: 'X' }, effectiveFrom: '2026-01-01' }))
      .thenError('BAD_USER_INPUT', 'sourceCodes[0]');
  });
});
