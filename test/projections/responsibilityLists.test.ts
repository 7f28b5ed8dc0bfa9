import { keptResponsibility, storedResponsibility } from '../../src/projections/responsibilities/keptResponsibility';
import { PairList } from '../../src/projections/responsibilities/pairList';
import type { PendingAppraisal, ResponsibilityDocument } from '../../src/projections/responsibilities/responsibilityDocument';

/** A fixed pseudo-random sequence (the same on every run): the lists below cross several chunks. */
function sequence(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return (state >>> 8) % n;
  };
}

const pair = (agency: number, criterion: number): PendingAppraisal => ({ agencyCode: `A${agency}`, criterionCode: `1.${criterion}` });
const same = (a: PendingAppraisal, b: PendingAppraisal) => a.agencyCode === b.agencyCode && a.criterionCode === b.criterionCode;

describe('PairList (an appraiser’s pairs in chunks)', () => {
  // As the projection uses it (a pair is appended only when not held), and with copies (lists stored before that).
  it.each([true, false])('holds, appends and removes like the flat list it stands for, never changing an earlier one (unique %s)', (unique) => {
    const next = sequence(8);
    let list = PairList.empty<PendingAppraisal>();
    let model: PendingAppraisal[] = [];
    const versions: { list: PairList; model: PendingAppraisal[] }[] = [];
    for (let step = 0; step < 3000; step++) {
      if (next(3) > 0) {
        const drawn = Array.from({ length: 1 + next(4) }, () => pair(next(400), next(30)));
        const added = unique ? drawn.filter((p, i) => !list.holds(p.agencyCode, p.criterionCode) && drawn.findIndex((q) => same(p, q)) === i) : drawn;
        list = list.appended(added);
        model = [...model, ...added];
      } else {
        const gone = model.length > 0 && next(2) === 0 ? model[next(model.length)] : pair(next(400), next(30));
        list = list.without(gone.agencyCode, gone.criterionCode);
        model = model.filter((p) => !same(p, gone));
      }
      if (step % 100 === 0) versions.push({ list, model });
      expect(list.size).toBe(model.length);
    }
    expect(model.length).toBeGreaterThan(600);
    expect(new Set(model.map((p) => `${p.agencyCode} ${p.criterionCode}`)).size < model.length).toBe(!unique);
    expect(list.toArray()).toEqual(model);
    // Earlier lists, read again after later ones were made from them (a batch retried), still hold what they held.
    for (const v of versions) {
      expect(v.list.toArray()).toEqual(v.model);
      for (let i = 0; i < 50; i++) {
        const p = pair(next(400), next(30));
        expect(v.list.holds(p.agencyCode, p.criterionCode)).toBe(v.model.some((m) => same(m, p)));
        expect(v.list.find(p.agencyCode, p.criterionCode)).toBe(v.model.find((m) => same(m, p)));
      }
    }
  });

  it('removes every copy of a pair stored twice, keeping the order of the rest', () => {
    const stored = [pair(1, 1), pair(2, 1), pair(1, 1), ...Array.from({ length: 600 }, (_, i) => pair(3, i)), pair(1, 1)];
    const list = PairList.from(stored).without('A1', '1.1');
    expect(list.toArray()).toEqual(stored.filter((p) => !same(p, pair(1, 1))));
    expect(list.holds('A1', '1.1')).toBe(false);
    expect(list.without('A2', '1.1').toArray()).toEqual(stored.filter((p) => p.agencyCode === 'A3'));
  });

  it('is the same list after a pair is filtered out and appended again (a reassignment)', () => {
    const list = PairList.from(Array.from({ length: 700 }, (_, i) => pair(i % 7, i)));
    const moved = list.filter((p) => p.agencyCode === 'A3');
    const rest = list.filter((p) => p.agencyCode !== 'A3').appended(moved.toArray());
    expect(rest.toArray()).toEqual([...list.toArray().filter((p) => p.agencyCode !== 'A3'), ...moved.toArray()]);
    expect(rest.size).toBe(700);
  });
});

describe('a responsibility document kept with PairLists', () => {
  it('is stored as the same JSON it was read from, key order included', () => {
    const doc: ResponsibilityDocument = {
      year: 2026,
      agencyCode: 'STP',
      selfAssessment: null,
      appraises: [{ group: 'DISTRICT', frameworkCode: 'F', criterionCodes: ['1.1'] }],
      appraisalDeadline: '2027-01-15T00:00:00.000Z',
      pendingAppraisals: Array.from({ length: 300 }, (_, i) => pair(i, 1)),
      appraised: [pair(9, 9)],
      explanationsToDecide: [],
    };
    const kept = keptResponsibility(doc);
    expect(kept.pendingAppraisals).toBeInstanceOf(PairList);
    expect(JSON.stringify(storedResponsibility(kept))).toBe(JSON.stringify(doc));
    const changed = { ...kept, pendingAppraisals: kept.pendingAppraisals.without('A7', '1.1') };
    expect(storedResponsibility(changed).pendingAppraisals).toEqual(doc.pendingAppraisals.filter((p) => p.agencyCode !== 'A7'));
    expect(storedResponsibility(kept).pendingAppraisals).toHaveLength(300);
  });
});
