import type { ParEventData } from '../../events/parEvents';
import type { DocChange } from '../projection';
import { toDecideOf, type KeptResponsibility } from './keptResponsibility';
import { agencyChange, agencyDoc, type Docs } from './responsibilityDocument';

type ExplanationEvent =
  { type: 'ExplanationRequested'; data: ParEventData<'ExplanationRequested'> } | { type: 'ExplanationSubmitted'; data: ParEventData<'ExplanationSubmitted'> };

/**
 * A request is owed by the agency (to answer) and by the leaf's appraiser (to decide in round 2); an answer closes
 * the agency's side and lets the appraiser decide. A new request on the same leaf replaces the earlier one.
 */
export function explanationChanged(event: ExplanationEvent, recordedAt: string, docs: Docs): DocChange[] {
  const { year, agencyCode, criterionCode, appraiserCode } = event.data;
  const agency = agencyDoc(docs, year, agencyCode);
  const appraiser = agencyDoc(docs, year, appraiserCode);
  const requested = event.type === 'ExplanationRequested' ? event.data : null;
  const previous = appraiser?.explanationsToDecide?.find(agencyCode, criterionCode);
  const dueAt = requested?.dueAt ?? previous?.dueAt ?? '';
  const changed = new Map<string, KeptResponsibility>();
  if (agency) {
    const toAnswer = (agency.explanationsToAnswer ?? []).filter((e) => e.criterionCode !== criterionCode);
    const explanationsToAnswer = requested ? [...toAnswer, { criterionCode, question: requested.question, dueAt, appraiserCode }] : toAnswer;
    changed.set(agencyCode, { ...agency, explanationsToAnswer });
  }
  if (appraiser) {
    // An agency that appraises its own leaf is one document: build on the change above.
    const base = changed.get(appraiserCode) ?? appraiser;
    const answeredAt = requested ? null : recordedAt;
    const others = toDecideOf(base).without(agencyCode, criterionCode);
    const explanationsToDecide = others.appended([{ agencyCode, criterionCode, dueAt, answeredAt }]);
    changed.set(appraiserCode, { ...base, explanationsToDecide });
  }
  return [...changed.values()].map(agencyChange);
}
