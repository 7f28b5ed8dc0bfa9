import { dutyStatusAt, type Duty } from '../../src/domain/duty/duty';
import { byRole, dutiesAt, workloadOf } from '../../src/domain/duty/dutyViews';

const duty = (overrides: Partial<Duty> = {}): Duty => ({
  id: 'plan:KH-2030:comment:STP',
  agencyCode: 'STP',
  role: 'COMMENT',
  taskKind: 'PLAN_COMMENT',
  title: 'Góp ý dự thảo Kế hoạch CCHC năm 2030',
  subject: { type: 'PLAN', code: 'KH-2030' },
  legalBasis: 'QĐ 2824/QĐ-UBND, Điều 3',
  since: '2030-01-05T02:00:00.000Z',
  dueAt: '2030-01-20T10:00:00.000Z',
  doneAt: null,
  cancelledAt: null,
  ...overrides,
});
const at = (iso: string) => new Date(iso);

describe('a duty on a given day', () => {
  it('does not exist before it arose, is OPEN until a week before its deadline, DUE in that week, OVERDUE after', () => {
    expect(dutyStatusAt(duty(), at('2030-01-04T00:00:00Z'))).toBeNull();
    expect(dutyStatusAt(duty(), at('2030-01-06T00:00:00Z'))).toBe('OPEN');
    expect(dutyStatusAt(duty(), at('2030-01-13T10:00:00Z'))).toBe('DUE');
    expect(dutyStatusAt(duty(), at('2030-01-20T10:00:00Z'))).toBe('DUE');
    expect(dutyStatusAt(duty(), at('2030-01-20T10:00:01Z'))).toBe('OVERDUE');
  });

  it('is DONE from the moment it was done (and only from then), CANCELLED likewise; a standing one stays OPEN', () => {
    const done = duty({ doneAt: '2030-01-25T00:00:00Z' });
    expect(dutyStatusAt(done, at('2030-01-24T00:00:00Z'))).toBe('OVERDUE');
    expect(dutyStatusAt(done, at('2030-01-25T00:00:00Z'))).toBe('DONE');
    expect(dutyStatusAt(duty({ cancelledAt: '2030-01-10T00:00:00Z' }), at('2030-02-01T00:00:00Z'))).toBe('CANCELLED');
    expect(dutyStatusAt(duty({ dueAt: null }), at('2040-01-01T00:00:00Z'))).toBe('OPEN');
  });

  it('lists overdue first, flags late ones, and counts a workload', () => {
    const list = dutiesAt(
      [
        duty({ id: 'a', dueAt: '2030-03-01T00:00:00Z' }),
        duty({ id: 'b', dueAt: '2030-01-10T00:00:00Z' }),
        duty({ id: 'c', doneAt: '2030-01-21T00:00:00Z' }),
        duty({ id: 'd', role: 'REPORT', taskKind: 'PROGRESS_REPORT', dueAt: '2030-01-31T00:00:00Z' }),
        duty({ id: 'later', since: '2030-06-01T00:00:00Z' }),
      ],
      at('2030-01-25T00:00:00Z'),
    );
    expect(list.map((d) => [d.id, d.status, d.late])).toEqual([
      ['b', 'OVERDUE', false],
      ['d', 'DUE', false],
      ['a', 'OPEN', false],
      ['c', 'DONE', true],
    ]);
    expect(workloadOf(list)).toMatchObject({ open: 1, due: 1, overdue: 1, done: 1 });
    expect(workloadOf(list).outstanding.map((d) => d.id)).toEqual(['b', 'd', 'a']);
    expect(byRole(list).reportsDue.map((d) => d.id)).toEqual(['d']);
    expect(byRole(list).commentsDue.map((d) => d.id)).toEqual(['b', 'a', 'c']);
  });
});
