import { expectData, startTestService, type TestService } from '../support/service';
import { openDistrictCycle } from './districtCycle';
import { APPRAISE, SUBMIT, SURVEY, districtFramework } from './operations';

const YEAR = 2026;

const NODE = 'code title kind maxPoints applicableMaxPoints selfPoints appraisedPoints points unscoredLeaves';
const SHAPE = `
  frameworkCode
  framework { code title group areas { code } }
  areas { code points maxPoints selfPoints appraisedPoints }
  criteria { code parentCode path appraiserCode appraiser { code name } appraisals { round appraiserCode appraiser { code name } } }
  tree { ${NODE} children { ${NODE} score { code } children { ${NODE} score { code finalPoints appraiser { code } } } } }
`;
const ASSESSMENT_SHAPE = `query($year: Int!, $agencyCode: ID!, $asOf: AsOfInput) { assessment(year: $year, agencyCode: $agencyCode, asOf: $asOf) { ${SHAPE} } }`;
const ASSIGN = `mutation($input: AssignAppraiserInput!) { assignAppraiser(input: $input) { version } }`;

interface Node {
  code: string;
  kind: string;
  maxPoints: number;
  applicableMaxPoints: number;
  selfPoints: number;
  appraisedPoints: number;
  points: number;
  unscoredLeaves: number;
  children?: Node[];
  score?: { code: string; finalPoints?: number | null; appraiser?: { code: string } | null } | null;
}
/** Each node as `code kind max applicableMax self appraised points unscored`, depth first, for exact comparison. */
const lines = (nodes: Node[], depth = 0): string[] =>
  nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.code} ${n.kind} ${n.maxPoints} ${n.applicableMaxPoints} ${n.selfPoints} ${n.appraisedPoints} ${n.points} ${n.unscoredLeaves}`,
    ...lines(n.children ?? [], depth + 1),
  ]);

/** What a front end draws from one request: each leaf's place, the tree with its sub-totals, who appraises what. */
describe('assessment shape for front ends over HTTP', () => {
  let t: TestService;
  let coordinator: string;
  let beforeAppraisal: number;
  const appraiser = (agency: string) => t.token(['APPRAISER'], agency, `appraiser.${agency}`);
  const appraise = (agency: string, agencyCode: string, criterionCode: string, points: number | null) =>
    t
      .gql(
        APPRAISE,
        {
          input:
            points === null
              ? { year: YEAR, agencyCode, criterionCode, round: 1, applicable: false, comment: 'Xác nhận không áp dụng' }
              : { year: YEAR, agencyCode, criterionCode, round: 1, points, comment: 'đã kiểm tra' },
        },
        appraiser(agency),
      )
      .then(expectData);
  const read = async (agencyCode: string, asOf: object | null = null) =>
    expectData(await t.gql(ASSESSMENT_SHAPE, { year: YEAR, agencyCode, asOf }, coordinator)).assessment;

  beforeAll(async () => {
    t = await startTestService();
    coordinator = t.token(['COORDINATOR'], 'SNV', 'coordinator.snv');
    await openDistrictCycle(t, coordinator, { agencies: ['SNV', 'STP', 'TAMKY', 'HOIAN'], year: YEAR });
    const scores = [
      { criterionCode: '1.1', points: 3.5, evidence: ['KH số 12/KH-UBND'] },
      { criterionCode: '1.2.1', points: 2.1, evidence: ['BC số 3/BC-UBND'] },
      { criterionCode: '1.2.2', points: 1.2, evidence: ['BC số 4/BC-UBND'] },
      { criterionCode: '2.1', applicable: false, explanation: 'Không ban hành VBQPPL trong năm' },
    ];
    expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode: 'TAMKY', scores } }, t.token(['AGENCY_OFFICER'], 'TAMKY')));
    beforeAppraisal = await t.service.events.headPosition();
    await appraise('SNV', 'TAMKY', '1.1', 3.25);
    await appraise('SNV', 'TAMKY', '1.2.1', 0.1);
    await appraise('SNV', 'TAMKY', '1.2.2', 0.2);
    await appraise('STP', 'TAMKY', '2.1', null);
    expectData(await t.gql(SURVEY, { input: { year: YEAR, agencyCode: 'TAMKY', scores: [{ criterionCode: '3.1', points: 8.8888 }] } }, coordinator));

    // Hội An's 1.1 goes to STP: its appraiser is STP from then on, and STP appraises it.
    const hoian = [{ criterionCode: '1.1', points: 4, evidence: ['KH số 1/KH-UBND'] }];
    expectData(await t.gql(SUBMIT, { input: { year: YEAR, agencyCode: 'HOIAN', scores: hoian } }, t.token(['AGENCY_OFFICER'], 'HOIAN')));
    const assign = { year: YEAR, agencyCode: 'HOIAN', criterionCodes: ['1.1'], appraiserCode: 'STP', reason: 'Phân công lại để bảo đảm khách quan' };
    expectData(await t.gql(ASSIGN, { input: assign }, coordinator));
    await appraise('STP', 'HOIAN', '1.1', 3.9999);
  });
  afterAll(async () => t?.stop());

  it('places every leaf: its parent criterion (or area) and its path from the area down', async () => {
    const { criteria } = await read('TAMKY');
    expect(criteria.map((c: { code: string; parentCode: string; path: string[] }) => [c.code, c.parentCode, c.path])).toEqual([
      ['1.1', '1', ['1', '1.1']],
      ['1.2.1', '1.2', ['1', '1.2', '1.2.1']],
      ['1.2.2', '1.2', ['1', '1.2', '1.2.2']],
      ['2.1', '2', ['2', '2.1']],
      ['3.1', '3', ['3', '3.1']],
    ]);
  });

  it('serves the tree with exact sub-totals at every level, its areas agreeing with the area scores', async () => {
    const assessment = await read('TAMKY');
    // 3.5 + 2.1 + 1.2 and 3.25 + 0.1 + 0.2 would drift in floats (6.800000000000001, 3.5500000000000003).
    expect(lines(assessment.tree)).toEqual([
      '1 AREA 8 8 6.8 3.55 3.55 0',
      '  1.1 LEAF 4 4 3.5 3.25 3.25 0',
      '  1.2 CRITERION 4 4 3.3 0.3 0.3 0',
      '    1.2.1 LEAF 2.5 2.5 2.1 0.1 0.1 0',
      '    1.2.2 LEAF 1.5 1.5 1.2 0.2 0.2 0',
      // 2.1's "not applicable" claim, confirmed: the area keeps its maximum, nothing of it applies.
      '2 AREA 2 0 0 0 0 0',
      '  2.1 LEAF 2 0 0 0 0 0',
      '3 AREA 10 10 0 0 8.8888 0',
      '  3.1 LEAF 10 10 0 0 8.8888 0',
    ]);
    expect(
      assessment.tree.map((a: Node) => ({
        code: a.code,
        points: a.points,
        maxPoints: a.applicableMaxPoints,
        selfPoints: a.selfPoints,
        appraisedPoints: a.appraisedPoints,
      })),
    ).toEqual(assessment.areas);
    const [area1] = assessment.tree;
    expect(area1.children.map((n: Node) => n.score?.code ?? null)).toEqual(['1.1', null]);
    expect(area1.children[1].children.map((n: Node) => n.score)).toEqual([
      { code: '1.2.1', finalPoints: 0.1, appraiser: { code: 'SNV' } },
      { code: '1.2.2', finalPoints: 0.2, appraiser: { code: 'SNV' } },
    ]);
  });

  it('serves the framework and the appraisers as objects: the assigned appraiser where one was named, none on survey leaves', async () => {
    const tamky = await read('TAMKY');
    expect(tamky.framework).toEqual({
      code: districtFramework.code,
      title: districtFramework.title,
      group: 'DISTRICT',
      areas: [{ code: '1' }, { code: '2' }, { code: '3' }],
    });
    const who = (c: {
      code: string;
      appraiser: { name: string } | null;
      appraisals: { round: number; appraiserCode: string; appraiser: { code: string; name: string } }[];
    }) => [c.code, c.appraiser?.name ?? null, c.appraisals.map((a) => `${a.round} ${a.appraiserCode} ${a.appraiser.name}`)];
    expect(tamky.criteria.map(who)).toEqual([
      ['1.1', 'Sở Nội vụ', ['1 SNV Sở Nội vụ']],
      ['1.2.1', 'Sở Nội vụ', ['1 SNV Sở Nội vụ']],
      ['1.2.2', 'Sở Nội vụ', ['1 SNV Sở Nội vụ']],
      ['2.1', 'Sở Tư pháp', ['1 STP Sở Tư pháp']],
      ['3.1', null, []],
    ]);
    const hoian = await read('HOIAN');
    expect(hoian.criteria.slice(0, 2).map(who)).toEqual([
      ['1.1', 'Sở Tư pháp', ['1 STP Sở Tư pháp']],
      ['1.2.1', 'Sở Nội vụ', []],
    ]);
  });

  it('answers the same fields for a past state (asOf): before the appraisals, nothing appraised yet', async () => {
    const past = await read('TAMKY', { position: beforeAppraisal });
    expect(past.criteria[1]).toMatchObject({ code: '1.2.1', parentCode: '1.2', path: ['1', '1.2', '1.2.1'], appraiser: { code: 'SNV' }, appraisals: [] });
    expect(past.framework.code).toBe(districtFramework.code);
    expect(lines(past.tree).slice(0, 3)).toEqual(['1 AREA 8 8 6.8 0 0 3', '  1.1 LEAF 4 4 3.5 0 0 1', '  1.2 CRITERION 4 4 3.3 0 0 2']);
    expect(past.tree[1]).toMatchObject({ code: '2', applicableMaxPoints: 2, unscoredLeaves: 1 });
  });

  it('reads agencies once and frameworks once for a whole list of assessments, however many leaves and rounds ask', async () => {
    const store = t.service.readStore;
    const calls: string[] = [];
    const spies = (['get', 'getMany', 'find', 'count'] as const).map((method) => {
      const original = store[method].bind(store) as (collection: string, ...rest: unknown[]) => Promise<unknown>;
      return jest.spyOn(store, method).mockImplementation(((collection: string, ...rest: unknown[]) => {
        calls.push(`${method} ${collection.replace(/_g\d+$/, '')}`);
        return original(collection, ...rest);
      }) as never);
    });
    try {
      const answer = expectData(await t.gql(`query($year: Int!) { assessments(year: $year) { agency { code } ${SHAPE} } }`, { year: YEAR }, coordinator));
      expect(answer.assessments.map((a: { agency: { code: string } }) => a.agency.code).sort()).toEqual(['HOIAN', 'TAMKY']);
      expect(answer.assessments.every((a: { framework: { code: string } }) => a.framework.code === districtFramework.code)).toBe(true);
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    expect(calls).toContain('find assessments'); // the spies saw the request's reads
    expect(calls.filter((c) => / (agencies|frameworks)$/.test(c))).toEqual(expect.arrayContaining(['getMany agencies', 'getMany frameworks']));
    expect(calls.filter((c) => / (agencies|frameworks)$/.test(c))).toHaveLength(2);
  });
});
