import { event, type AssessmentEvent } from '../../events/parEvents';
import { badInput } from '../errors';
import { leafIndex } from '../framework/framework';
import { optionalText, requireCode } from '../validation';
import type { AssessmentState } from './assessment';
import type { AssessmentContext } from './assessmentDecider';
import { appraiserOf, findLeaf, requireNotFinalized, requireParticipant } from './rules';

/**
 * Conflicts of interest (xung đột lợi ích): an agency never appraises its own self-assessment, yet the framework
 * names one appraising agency per area for the whole group, itself included. The coordinator then names another
 * appraiser for that agency's leaves, with a reason; from then on only the named appraiser appraises (and asks
 * about) them. Rounds already given stay as they are; corrections and later rounds are the new appraiser's.
 */
export type AssignAppraiser = {
  type: 'AssignAppraiser';
  context: AssessmentContext;
  criterionCodes: string[];
  appraiserCode: string;
  reason: string;
  /** Whether the named appraiser is a registered agency (the handler looks it up). */
  appraiserRegistered: boolean;
};

export function decideAssignAppraiser(command: AssignAppraiser, state: AssessmentState): AssessmentEvent[] {
  const { context } = command;
  requireParticipant(context);
  requireNotFinalized(state, context);
  const appraiserCode = requireCode('appraiserCode', command.appraiserCode);
  if (appraiserCode === context.agencyCode) {
    throw badInput('appraiserCode', `${appraiserCode} is the assessed agency: an agency never appraises its own self-assessment`);
  }
  if (!command.appraiserRegistered) throw badInput('appraiserCode', `agency ${appraiserCode} is not registered`);
  if (command.criterionCodes.length === 0) throw badInput('criterionCodes', 'name at least one criterion');
  const leaves = leafIndex(context.framework.areas);
  const seen = new Set<string>();
  const criteria = command.criterionCodes.map((code, i) => {
    const leaf = findLeaf('criterionCodes', code, context.framework, leaves);
    if (leaf.method === 'SURVEY') throw badInput('criterionCodes', `criterionCodes[${i}]: criterion ${leaf.code} is scored by the survey, not appraised`);
    if (seen.has(leaf.code)) throw badInput('criterionCodes', `criterionCodes[${i}]: criterion ${leaf.code} is listed twice`);
    seen.add(leaf.code);
    const previousAppraiserCode = appraiserOf(state, leaf);
    if (previousAppraiserCode === appraiserCode) {
      throw badInput('criterionCodes', `criterionCodes[${i}]: criterion ${leaf.code} of ${context.agencyCode} is already appraised by ${appraiserCode}`);
    }
    return { criterionCode: leaf.code, previousAppraiserCode };
  });
  const reason = optionalText('reason', command.reason, 2000);
  if (!reason) throw badInput('reason', 'say why another appraiser is named (e.g. the appraising agency is the assessed agency)');
  return [event('AppraiserAssigned', { year: context.cycle.year, agencyCode: context.agencyCode, appraiserCode, reason, criteria })];
}
