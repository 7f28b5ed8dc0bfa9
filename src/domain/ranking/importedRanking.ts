import { event, type AgencyGroup, type ImportedRankingEvent } from '../../events/parEvents';
import type { Decider } from '../decider';
import { DomainError, badInput } from '../errors';
import { requireCalendarDate } from '../calendarDate';
import { requireCode, requireText, requireYear } from '../validation';
import { importedEntriesProblems, importedEntryData, type ImportedEntryInput } from './importedEntries';

/** A year's ranking run outside PAR Ledger, recorded as the People's Committee published it (ADMIN, COORDINATOR). */
export type ImportPublishedRanking = {
  type: 'ImportPublishedRanking';
  year: number;
  group: AgencyGroup;
  jurisdiction?: string | null;
  decisionNumber: string;
  decisionDate: Date;
  source: string;
  entries: ImportedEntryInput[];
  /** Loaded by the handler: whether PAR Ledger's own cycle of the year has published this group's ranking. */
  publishedHere: boolean;
  /** Loaded by the handler: the group of each listed code that is registered (historic units may not be). */
  registeredGroups: Readonly<Record<string, AgencyGroup>>;
};

type ImportedRankingState = { imported: false } | { imported: true; decisionNumber: string; decisionDate: string; importedAt: string };

export const importedRankingDecider: Decider<ImportPublishedRanking, ImportedRankingEvent, ImportedRankingState> = {
  initialState: () => ({ imported: false }),

  decide(command, state) {
    const year = requireYear('year', command.year);
    const jurisdiction = command.jurisdiction ? requireCode('jurisdiction', command.jurisdiction) : null;
    const decisionNumber = requireText('decisionNumber', command.decisionNumber, 100);
    const decisionDate = requireCalendarDate('decisionDate', command.decisionDate);
    const source = requireText('source', command.source, 2000);
    if (command.entries.length === 0) throw badInput('entries', 'a published ranking lists at least one agency');
    const problems = importedEntriesProblems(command.entries);
    if (problems.length > 0) {
      const [first] = problems;
      const field = `entries[${first.index}].${first.field}`;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
      const all = problems.map((p) => ({ field: `entries[${p.index}].${p.field}`, reason: p.reason }));
      throw new DomainError('BAD_USER_INPUT', `${field}: ${first.reason}${more}`, field, { problems: all });
    }
    const where = `${year} ${command.group}${jurisdiction ? ` ${jurisdiction}` : ''}`;
    if (state.imported) {
      throw new DomainError(
        'CONFLICT',
        `year: the ${where} ranking was already imported (decision ${state.decisionNumber} of ${state.decisionDate}); a year is imported once`,
        'year',
      );
    }
    if (command.publishedHere) {
      throw new DomainError('CONFLICT', `year: PAR Ledger itself published the ${year} ${command.group} ranking; an import would contradict it`, 'year');
    }
    command.entries.forEach((e, i) => {
      const registered = command.registeredGroups[e.agencyCode];
      if (registered && registered !== command.group) {
        throw badInput(`entries[${i}].agencyCode`, `${e.agencyCode} is registered in group ${registered}, not ${command.group}`);
      }
    });
    const entries = command.entries.map(importedEntryData);
    return [event('PublishedRankingImported', { year, group: command.group, jurisdiction, decisionNumber, decisionDate, source, entries })];
  },

  evolve(_state, event, recordedAt) {
    switch (event.type) {
      case 'PublishedRankingImported':
        return { imported: true, decisionNumber: event.data.decisionNumber, decisionDate: event.data.decisionDate, importedAt: recordedAt };
    }
  },
};
