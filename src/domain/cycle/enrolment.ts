import { event, type CycleEvent, type Participant } from '../../events/parEvents';
import type { CalendarDate } from '../calendarDate';
import { badInput } from '../errors';

/** A participant that ended during the cycle's year, with why (from its lineage): offered for exclusion. */
interface EndedParticipant {
  agencyCode: string;
  activeUntil: CalendarDate;
  reason: string;
}

/** Who takes part in a year, as the agencies' history says (the read side's AgencyDirectory answers it). */
export interface Enrolment {
  participants: Participant[];
  endedDuringYear: EndedParticipant[];
  /** Codes named that were not active at all during the year, with their dates. */
  inactive: { code: string; activeFrom: CalendarDate | null; activeUntil: CalendarDate | null }[];
}

export interface EnrolmentCheck {
  year: number;
  participants: Participant[];
  /** Whether the codes were named by the coordinator (errors then point at agencyCodes[i]). */
  named: boolean;
  inactive: Enrolment['inactive'];
  endedDuringYear: EndedParticipant[];
}

/**
 * A cycle assesses the units that existed during its year: a unit named that began after it or ended before it is
 * refused, naming it. Those that ended during the year take part unless the coordinator leaves them out.
 */
export function checkEnrolment(check: EnrolmentCheck): void {
  for (const unit of check.inactive) {
    const i = check.participants.findIndex((p) => p.code === unit.code);
    const when = unit.activeUntil ? `ended on ${unit.activeUntil}` : `only began on ${unit.activeFrom}`;
    throw badInput(check.named && i >= 0 ? `agencyCodes[${i}]` : 'agencyCodes', `agency ${unit.code} ${when}: it was not active during ${check.year}`);
  }
}

/** The exclusions a coordinator asked for at opening (`excludeEndedMidYear`): one per unit that ended mid-year. */
export function exclusionsOfEnded(year: number, participants: readonly Participant[], ended: readonly EndedParticipant[]): CycleEvent[] {
  return ended.flatMap((e) => {
    const participant = participants.find((p) => p.code === e.agencyCode);
    return participant ? [event('AgencyExcludedFromRanking', { year, agencyCode: e.agencyCode, group: participant.group, reason: e.reason })] : [];
  });
}
