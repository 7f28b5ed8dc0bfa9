import type { Extension, Schedule } from '../../src/domain/cycle/schedule';
import { explanationDecidable, explanationDueAt } from '../../src/domain/responsibility/explanationDuties';
import { extensionsConcerning } from '../../src/domain/responsibility/overdue';

const dueAt = '2026-02-10T10:00:00.000Z';
const extension = (agencyCode: string, phase: Extension['phase'], until: string): Extension => ({
  agencyCode,
  phase,
  until,
  reason: 'Bổ sung hồ sơ',
  grantedAt: '2026-02-01T00:00:00.000Z',
});
const schedule = (extensions: Extension[] = []): Schedule => ({
  selfAssessmentDeadline: '2026-01-15T00:00:00.000Z',
  appraisalDeadline: '2026-03-15T00:00:00.000Z',
  extensions,
});
const at = (iso: string) => new Date(iso);

describe('explanationDueAt', () => {
  it('is the request’s dueAt without an extension', () => {
    expect(explanationDueAt(schedule(), 'TAMKY', dueAt)).toBe(dueAt);
  });

  it('is the agency’s later EXPLANATION extension, not another agency’s or another phase’s', () => {
    const s = schedule([
      extension('TAMKY', 'EXPLANATION', '2026-02-20T10:00:00.000Z'),
      extension('HOIAN', 'EXPLANATION', '2026-02-25T10:00:00.000Z'),
      extension('TAMKY', 'APPRAISAL', '2026-03-30T10:00:00.000Z'),
    ]);
    expect(explanationDueAt(s, 'TAMKY', dueAt)).toBe('2026-02-20T10:00:00.000Z');
  });

  it('an extension earlier than the request’s dueAt does not shorten it', () => {
    expect(explanationDueAt(schedule([extension('TAMKY', 'EXPLANATION', '2026-02-05T00:00:00.000Z')]), 'TAMKY', dueAt)).toBe(dueAt);
  });
});

describe('explanationDecidable', () => {
  const open = { dueAt, answeredAt: null };

  it('waits while unanswered and not yet due, and on the due time itself', () => {
    expect(explanationDecidable(schedule(), 'TAMKY', open, at('2026-02-09T00:00:00.000Z'))).toBe(false);
    expect(explanationDecidable(schedule(), 'TAMKY', open, at(dueAt))).toBe(false);
  });

  it('may be decided once answered, even before the due time', () => {
    expect(explanationDecidable(schedule(), 'TAMKY', { dueAt, answeredAt: '2026-02-05T00:00:00.000Z' }, at('2026-02-06T00:00:00.000Z'))).toBe(true);
  });

  it('may be decided after the due time unanswered, unless an EXPLANATION extension still runs', () => {
    const after = at('2026-02-11T00:00:00.000Z');
    expect(explanationDecidable(schedule(), 'TAMKY', open, after)).toBe(true);
    const extended = schedule([extension('TAMKY', 'EXPLANATION', '2026-02-20T10:00:00.000Z')]);
    expect(explanationDecidable(extended, 'TAMKY', open, after)).toBe(false);
    expect(explanationDecidable(extended, 'TAMKY', open, at('2026-02-20T10:00:00.001Z'))).toBe(true);
  });
});

describe('extensionsConcerning', () => {
  const all = [
    extension('SNV', 'SELF_ASSESSMENT', '2026-01-20T00:00:00.000Z'),
    extension('TAMKY', 'APPRAISAL', '2026-03-20T00:00:00.000Z'),
    extension('TAMKY', 'EXPLANATION', '2026-02-20T00:00:00.000Z'),
    extension('HOIAN', 'EXPLANATION', '2026-02-21T00:00:00.000Z'),
    extension('HOIAN', 'SELF_ASSESSMENT', '2026-01-21T00:00:00.000Z'),
  ];

  it('lists the agency’s own extensions, whatever the phase', () => {
    expect(extensionsConcerning(all, 'HOIAN', new Set()).map((e) => e.phase)).toEqual(['EXPLANATION', 'SELF_ASSESSMENT']);
  });

  it('lists, for an appraiser, the APPRAISAL extensions of agencies it appraises and the EXPLANATION ones of agencies it waits for', () => {
    const concerning = extensionsConcerning(all, 'STP', new Set(['TAMKY', 'HOIAN']), new Set(['HOIAN']));
    expect(concerning.map((e) => `${e.agencyCode} ${e.phase}`)).toEqual(['TAMKY APPRAISAL', 'HOIAN EXPLANATION']);
  });
});
