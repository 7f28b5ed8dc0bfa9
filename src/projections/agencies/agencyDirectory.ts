import type { AgencyDirectory } from '../../commands/cycleCommands';
import type { AgencyGroup, Participant } from '../../events/parEvents';
import type { ProjectionRunner } from '../runner/projectionRunner';
import type { AgencyReads } from './agencyReads';

/** The directory commands consult, over the read side once it has caught up with the log (as the service runs). */
export function liveDirectory(runner: ProjectionRunner, reads: AgencyReads): AgencyDirectory {
  return {
    enrolment: async (year, scope, jurisdiction) => {
      await runner.catchUp();
      return reads.enrolment(year, scope, jurisdiction);
    },
  };
}

/** A directory over a fixed list of units that exist in every year (generated logs, tests without a read side). */
export function fixedDirectory(units: readonly (Participant & { group: AgencyGroup })[]): AgencyDirectory {
  return {
    enrolment: async (_year, scope) => {
      const participants = units
        .filter((u) => ('groups' in scope ? scope.groups.includes(u.group) : scope.codes.includes(u.code)))
        .map(({ code, name, group }) => ({ code, name, group }));
      return { participants, endedDuringYear: [], inactive: [] };
    },
  };
}
