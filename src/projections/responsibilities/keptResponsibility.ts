import { PairList } from './pairList';
import type { ExplanationToDecide, ResponsibilityDocument } from './responsibilityDocument';

/**
 * A responsibility document as the projection keeps it while applying events: its lists keyed by (agency,
 * criterion) as PairLists, so that an appraisal, a submission or an explanation request costs the same however
 * many pairs the appraiser gathered. The runner stores only what `storedResponsibility` (Projection.present) makes
 * of it: the same JSON as ever.
 */
export type KeptResponsibility = Omit<ResponsibilityDocument, 'pendingAppraisals' | 'appraised' | 'explanationsToDecide'> & {
  pendingAppraisals: PairList;
  appraised: PairList;
  explanationsToDecide?: PairList<ExplanationToDecide>;
};

/** The explanations a document's agency has to decide (the list is absent in documents that never had one). */
export const toDecideOf = (doc: KeptResponsibility) => doc.explanationsToDecide ?? PairList.empty<ExplanationToDecide>();

/** As read from the read store (stored form), or as an earlier event of the batch or build left it (kept form). */
type Either = ResponsibilityDocument | KeptResponsibility;

/**
 * The kept form of each stored document already turned into one, so that the events of a batch reading the same
 * loaded document (and leaving it unchanged) do not each split its lists into chunks again.
 */
const keptOf = new WeakMap<ResponsibilityDocument, KeptResponsibility>();

const isKept = (doc: Either): doc is KeptResponsibility => doc.pendingAppraisals instanceof PairList;

/** The document in kept form (a new object; the one given is never changed). */
export function keptResponsibility(doc: Either): KeptResponsibility {
  if (isKept(doc)) return doc;
  let kept = keptOf.get(doc);
  if (kept === undefined) {
    // Spread first, and no key added: the stored keys keep their order, so presenting gives back the same JSON.
    const { explanationsToDecide } = doc;
    kept = { ...doc, pendingAppraisals: PairList.from(doc.pendingAppraisals), appraised: PairList.from(doc.appraised) } as KeptResponsibility;
    if (explanationsToDecide) kept.explanationsToDecide = PairList.from(explanationsToDecide);
    keptOf.set(doc, kept);
  }
  return kept;
}

/** The document as stored and served: the flat lists, in order (Projection.present, once per write). */
export function storedResponsibility(doc: Either): ResponsibilityDocument {
  if (!isKept(doc)) return doc;
  const { explanationsToDecide } = doc;
  const stored = { ...doc, pendingAppraisals: doc.pendingAppraisals.toArray(), appraised: doc.appraised.toArray() } as ResponsibilityDocument;
  if (explanationsToDecide) stored.explanationsToDecide = explanationsToDecide.toArray();
  return stored;
}
