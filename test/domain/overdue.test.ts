import { isOverdue } from '../../src/domain/responsibility/overdue';

const deadline = '2025-03-31T16:59:59.000Z';
const at = (iso: string) => new Date(iso);

describe('isOverdue', () => {
  it('is not overdue before the deadline', () => {
    expect(isOverdue(deadline, false, at('2025-03-30T00:00:00.000Z'))).toBe(false);
  });

  it('is not overdue on the deadline itself', () => {
    expect(isOverdue(deadline, false, at(deadline))).toBe(false);
  });

  it('is overdue one millisecond after the deadline while still open', () => {
    expect(isOverdue(deadline, false, at('2025-03-31T16:59:59.001Z'))).toBe(true);
  });

  it('a done duty is never overdue', () => {
    expect(isOverdue(deadline, true, at('2026-01-01T00:00:00.000Z'))).toBe(false);
    expect(isOverdue(deadline, true, at(deadline))).toBe(false);
  });

  it('reads deadlines with an offset as the same instant', () => {
    // 23:59:59 in Vietnam (UTC+7) is 16:59:59Z
    expect(isOverdue('2025-03-31T23:59:59+07:00', false, at('2025-03-31T16:59:59.000Z'))).toBe(false);
    expect(isOverdue('2025-03-31T23:59:59+07:00', false, at('2025-03-31T17:00:00.000Z'))).toBe(true);
  });
});
