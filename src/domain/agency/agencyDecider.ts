import { event, type AgencyEvent, type AgencyGroup } from '../../events/parEvents';
import type { Decider } from '../decider';
import { DomainError } from '../errors';
import { requireCode, requireText } from '../validation';
import type { Agency } from './agency';

export type RegisterAgency = { type: 'RegisterAgency'; code: string; name: string; group: AgencyGroup };
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
    return [event('AgencyRegistered', { code, name, group: command.group })];
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'AgencyRegistered':
        return { registered: true, ...event.data };
    }
  },
};
