import { event, type AgencyEvent, type AgencyGroup } from '../../events/parEvents';
import { requireCalendarDate } from '../calendarDate';
import type { Decider } from '../decider';
import { DomainError } from '../errors';
import { HOME_JURISDICTION } from '../lineage/lineage';
import { requireCode, requireText } from '../validation';
import type { Agency } from './agency';

export type RegisterAgency = {
  type: 'RegisterAgency';
  code: string;
  name: string;
  group: AgencyGroup;
  /** Defaults to the home jurisdiction (Quảng Nam). */
  jurisdiction?: string | null;
  activeFrom?: Date | string | null;
  /** Loaded by the handler from the lineage stream: whether a merger or split already registered this code. */
  takenByLineage: boolean;
  /** Loaded likewise: whether the jurisdiction named is registered (the home jurisdiction always is). */
  jurisdictionKnown: boolean;
};
type AgencyCommand = RegisterAgency;
type AgencyState = { registered: false } | ({ registered: true } & Agency);

export const agencyDecider: Decider<AgencyCommand, AgencyEvent, AgencyState> = {
  initialState: () => ({ registered: false }),

  decide(command, state) {
    const code = requireCode('code', command.code);
    const name = requireText('name', command.name, 200);
    if (state.registered) {
      throw new DomainError('CONFLICT', `agency ${code} is already registered (as "${state.name}")`, 'code');
    }
    if (command.takenByLineage) throw new DomainError('CONFLICT', `agency ${code} was registered by a merger or split; codes stay unique`, 'code');
    const jurisdiction = requireCode('jurisdiction', command.jurisdiction ?? HOME_JURISDICTION);
    if (!command.jurisdictionKnown && jurisdiction !== HOME_JURISDICTION) {
      throw new DomainError('NOT_FOUND', `jurisdiction: ${jurisdiction} is not registered`, 'jurisdiction');
    }
    const activeFrom = command.activeFrom ? requireCalendarDate('activeFrom', command.activeFrom) : null;
    return [event('AgencyRegistered', { code, name, group: command.group, jurisdiction, activeFrom })];
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'AgencyRegistered':
        return { registered: true, ...event.data };
    }
  },
};
