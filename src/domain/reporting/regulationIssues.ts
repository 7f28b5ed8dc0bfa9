import { event, type RegulationIssueEvent } from '../../events/parEvents';
import type { Decider } from '../decider';
import { forbidden } from '../errors';
import { optionalText, requireText } from '../validation';

export type ReportRegulationIssue = { type: 'ReportRegulationIssue'; agencyCode: string | null; text: string; proposal?: string | null };

interface RegulationIssuesState {
  count: number;
}

/** "KN-001", "KN-002", …: numbered in the order raised, across years. */
const regulationIssueId = (n: number) => `KN-${String(n).padStart(3, '0')}`;

/** Art. 17(3): agencies raise difficulties with the regulation through SNV, each numbered in one stream. */
export const regulationIssuesDecider: Decider<ReportRegulationIssue, RegulationIssueEvent, RegulationIssuesState> = {
  initialState: () => ({ count: 0 }),
  decide(command, state) {
    // The issue is the officer's agency's: a token without one speaks for nobody.
    if (command.agencyCode === null) throw forbidden('reportRegulationIssue: the token names no agency to raise the issue for');
    const text = requireText('text', command.text, 4000);
    const proposal = optionalText('proposal', command.proposal);
    return [event('RegulationIssueReported', { issueId: regulationIssueId(state.count + 1), agencyCode: command.agencyCode, text, proposal })];
  },
  evolve: (state) => ({ count: state.count + 1 }),
};
