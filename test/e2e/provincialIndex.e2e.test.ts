import { vietnamDayOf } from '../../src/domain/calendarDate';
import { expectData, startTestService, type TestService } from '../support/service';
import { PUBLISH_FRAMEWORK } from './operations';
import { mutation } from './parYear/yearOperations';

const DAY = 24 * 3600 * 1000;
// The day in Vietnam, as the service counts duties: from 17:00 UTC the UTC date is still yesterday there.
const day = (offset: number) => vietnamDayOf(new Date(Date.now() + offset * DAY));
const national = {
  code: 'PAR-TINH-2031',
  title: 'Bộ chỉ số CCHC cấp tỉnh (thử nghiệm)',
  group: 'PROVINCE',
  sample: true,
  areas: [
    { code: '2', title: 'Xây dựng và tổ chức thực hiện VBQPPL', criteria: [{ code: '2.1', title: 'Rà soát VBQPPL', maxPoints: 3, appraiserCode: 'STP' }] },
    { code: '6', title: 'Cải cách tài chính công', criteria: [{ code: '6.1', title: 'Cơ chế tự chủ', maxPoints: 2, appraiserCode: 'STC' }] },
  ],
};
const ASSESSMENT =
  'year frameworkCode compiledAt missing criteria { criterionCode agencyCode value evidence providedAt } nationalResult { indexPercent rank ofProvinces }';
const DUTIES = `query($c: ID!, $on: Date) { responsibilities(agencyCode: $c, on: $on) { providesDataFor { subject { code } status late } leads { subject { code } status } } }`;

/** The provincial index of a year (Art. 7): SNV asks two departments, one answers in time, one never; SNV compiles. */
describe('the provincial index over HTTP', () => {
  let t: TestService;
  let snv: string;
  const officer = (agency: string) => t.token(['AGENCY_OFFICER'], agency, `officer.${agency.toLowerCase()}`);
  const send = async (name: string, input: object, token: string) => expectData(await t.gql(mutation(name, ASSESSMENT), { input }, token))[name];

  beforeAll(async () => {
    t = await startTestService({ PAR_SEED: 'true' });
    snv = t.token(['COORDINATOR'], 'SNV', 'chuyenvien.snv');
    expectData(await t.gql(PUBLISH_FRAMEWORK, { input: national }, snv));
  });
  afterAll(async () => t?.stop());

  it('asks, receives, shows who is late, compiles and records the ministry’s result', async () => {
    const dueAt = new Date(Date.now() + 2 * DAY).toISOString();
    await send('requestCriterionData', { year: 2031, frameworkCode: national.code, criterionCodes: ['2.1'], agencyCode: 'STP', dueAt }, snv);
    await send('requestCriterionData', { year: 2031, criterionCodes: ['6.1'], agencyCode: 'STC', dueAt }, snv);

    // STC may not answer for STP's criterion.
    const refused = await t.gql(mutation('provideCriterionData', 'year'), { input: { year: 2031, criterionCode: '2.1', value: 1 } }, officer('STC'));
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const provided = await send('provideCriterionData', { year: 2031, criterionCode: '2.1', value: 2.5, evidence: ['BC số 5/BC-STP'] }, officer('STP'));
    expect(provided.criteria.find((c: { criterionCode: string }) => c.criterionCode === '2.1')).toMatchObject({ value: 2.5, evidence: ['BC số 5/BC-STP'] });

    const stcToday = expectData(await t.gql(DUTIES, { c: 'STC', on: day(0) }, snv)).responsibilities;
    expect(stcToday.providesDataFor).toEqual([{ subject: { code: '2031/6.1' }, status: 'DUE', late: false }]);
    const stcLater = expectData(await t.gql(DUTIES, { c: 'STC', on: day(5) }, snv)).responsibilities;
    expect(stcLater.providesDataFor).toEqual([{ subject: { code: '2031/6.1' }, status: 'OVERDUE', late: false }]);
    const stp = expectData(await t.gql(DUTIES, { c: 'STP', on: day(5) }, snv)).responsibilities;
    expect(stp.providesDataFor).toEqual([{ subject: { code: '2031/2.1' }, status: 'DONE', late: false }]);

    const { workload } = expectData(await t.gql('query($on: Date) { workload(on: $on) { agency { code } overdue } }', { on: day(5) }, snv));
    expect(workload.find((w: { agency: { code: string } }) => w.agency.code === 'STC').overdue).toBe(1);

    const compiled = await send('compileProvincialAssessment', { year: 2031 }, snv);
    expect(compiled).toMatchObject({ frameworkCode: national.code, missing: ['6.1'] });
    expect(compiled.compiledAt).not.toBeNull();
    const snvLeads = expectData(await t.gql(DUTIES, { c: 'SNV', on: day(1) }, snv)).responsibilities.leads;
    expect(snvLeads).toContainEqual({ subject: { code: '2031' }, status: 'DONE' });

    const result = await send('recordNationalResult', { year: 2031, indexPercent: 86.4, rank: 12, ofProvinces: 34, decisionNumber: '1234/QĐ-BNV' }, snv);
    expect(result.nationalResult).toEqual({ indexPercent: 86.4, rank: 12, ofProvinces: 34 });
  });
});
