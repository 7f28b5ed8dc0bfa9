import { DUTY_STATUSES } from '../../src/domain/enums';
import { DUTY_STATUS_LABELS } from '../../src/exports/vietnameseLabels';

describe('Vietnamese labels', () => {
  it('names every duty status, each differently, with its diacritics', () => {
    const labels = DUTY_STATUSES.map((s) => DUTY_STATUS_LABELS[s]);
    expect(labels.every((l) => typeof l === 'string' && l.length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(DUTY_STATUSES.length);
    expect(DUTY_STATUS_LABELS.OVERDUE).toBe('Quá hạn');
  });
});
