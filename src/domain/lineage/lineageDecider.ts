import type { LineageEvent } from '../../events/parEvents';
import type { Decider } from '../decider';
import { decideDissolve, decideMerge, decideMove, decideRename, decideSplit } from './agencyChanges';
import { decideMergeJurisdictions, decideRegisterJurisdiction } from './jurisdictionChanges';
import { evolveLineage, initialLineage, type LineageState } from './lineage';
import type { LineageCommand } from './lineageCommands';

/**
 * The lineage stream's decider: renames, mergers, splits, dissolutions and moves of agencies, and jurisdictions
 * with their own mergers. Agencies' registrations stay in their own streams; the commands carry those they name.
 */
export const lineageDecider: Decider<LineageCommand, LineageEvent, LineageState> = {
  initialState: initialLineage,
  decide(command, state) {
    switch (command.type) {
      case 'RenameAgency':
        return decideRename(command, state);
      case 'MergeAgencies':
        return decideMerge(command, state);
      case 'SplitAgency':
        return decideSplit(command, state);
      case 'DissolveAgency':
        return decideDissolve(command, state);
      case 'MoveAgency':
        return decideMove(command, state);
      case 'RegisterJurisdiction':
        return decideRegisterJurisdiction(command, state);
      case 'MergeJurisdictions':
        return decideMergeJurisdictions(command, state);
    }
  },
  evolve: (state, event) => evolveLineage(state, event),
};
