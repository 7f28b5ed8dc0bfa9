import { dayBefore } from '../../domain/calendarDate';
import { closePeriods, nextPeriod } from '../../domain/lineage/periods';
import type { LineageEvent, LineageTarget } from '../../events/parEvents';
import type { DocChange } from '../projection';
import { newAgencyDocument, type AgencyDocument, type JurisdictionDocument, type LineageKind } from './agencyDocument';

type Lookup = <T>(collection: string, id: string) => T | null;
type AgencyChange = Extract<LineageEvent, { type: 'AgencyRenamed' | 'AgenciesMerged' | 'AgencySplit' | 'AgencyDissolved' | 'AgencyMoved' }>;

const put = (doc: AgencyDocument): DocChange => ({ collection: 'agencies', id: doc.code, doc });

function ended(doc: AgencyDocument, kind: 'MERGED' | 'SPLIT' | 'DISSOLVED', event: AgencyChange, reason: string | null = null): AgencyDocument {
  const until = dayBefore(event.data.effectiveFrom);
  return {
    ...doc,
    activeUntil: until,
    names: closePeriods(doc.names, until),
    groups: closePeriods(doc.groups, until),
    jurisdictions: closePeriods(doc.jurisdictions, until),
    ended: { kind, effectiveFrom: event.data.effectiveFrom, legalBasis: event.data.legalBasis, reason },
  };
}

/** The target of a merger or split: its document, created when the change registered it. */
function target(docs: Lookup, into: LineageTarget, event: AgencyChange, recordedAt: string): AgencyDocument | null {
  if (into.isNew) return newAgencyDocument(into, event.data.effectiveFrom, recordedAt, event.data.legalBasis);
  return docs<AgencyDocument>('agencies', into.code);
}

const link = (kind: LineageKind, code: string, event: AgencyChange) => ({
  kind,
  code,
  effectiveFrom: event.data.effectiveFrom,
  legalBasis: event.data.legalBasis,
});

/** The documents an agency reorganisation changes: the units that end and those that carry on or begin. */
export function applyAgencyChange(event: AgencyChange, docs: Lookup, recordedAt: string): DocChange[] {
  const { effectiveFrom, legalBasis } = event.data;
  switch (event.type) {
    case 'AgencyRenamed': {
      const doc = docs<AgencyDocument>('agencies', event.data.code);
      if (!doc) return [];
      return [put({ ...doc, name: event.data.name, names: nextPeriod(doc.names, { name: event.data.name, legalBasis }, effectiveFrom) })];
    }
    case 'AgencyMoved': {
      const doc = docs<AgencyDocument>('agencies', event.data.code);
      if (!doc) return [];
      const { group, jurisdiction } = event.data;
      return [
        put({
          ...doc,
          group,
          jurisdiction,
          groups: group === doc.group ? doc.groups : nextPeriod(doc.groups, { group, legalBasis }, effectiveFrom),
          jurisdictions:
            jurisdiction === event.data.previousJurisdiction
              ? doc.jurisdictions
              : nextPeriod(doc.jurisdictions, { code: jurisdiction, legalBasis }, effectiveFrom),
        }),
      ];
    }
    case 'AgencyDissolved': {
      const doc = docs<AgencyDocument>('agencies', event.data.code);
      return doc ? [put(ended(doc, 'DISSOLVED', event, event.data.reason))] : [];
    }
    case 'AgenciesMerged': {
      const into = target(docs, event.data.into, event, recordedAt);
      const changes: DocChange[] = [];
      for (const code of event.data.sourceCodes) {
        const doc = docs<AgencyDocument>('agencies', code);
        if (doc) changes.push(put({ ...ended(doc, 'MERGED', event), successors: [...doc.successors, link('MERGER', event.data.into.code, event)] }));
      }
      if (into) changes.push(put({ ...into, predecessors: [...into.predecessors, ...event.data.sourceCodes.map((code) => link('MERGER', code, event))] }));
      return changes;
    }
    case 'AgencySplit': {
      const source = docs<AgencyDocument>('agencies', event.data.sourceCode);
      const changes: DocChange[] = [];
      if (source) {
        const successors = [...source.successors, ...event.data.into.map((t) => link('SPLIT', t.code, event))];
        changes.push(put({ ...ended(source, 'SPLIT', event), successors }));
      }
      for (const into of event.data.into) {
        const doc = target(docs, into, event, recordedAt);
        if (doc) changes.push(put({ ...doc, predecessors: [...doc.predecessors, link('SPLIT', event.data.sourceCode, event)] }));
      }
      return changes;
    }
  }
}

type JurisdictionChange = Extract<LineageEvent, { type: 'JurisdictionRegistered' | 'JurisdictionsMerged' }>;

export function applyJurisdictionChange(event: JurisdictionChange, docs: Lookup): DocChange[] {
  const put = (doc: JurisdictionDocument): DocChange => ({ collection: 'jurisdictions', id: doc.code, doc });
  if (event.type === 'JurisdictionRegistered') {
    const { code, name, activeFrom } = event.data;
    return [put({ code, name, activeFrom, activeUntil: null, predecessors: [], successors: [] })];
  }
  const { sourceCodes, into, effectiveFrom, legalBasis } = event.data;
  const edge = (code: string) => ({ code, effectiveFrom, legalBasis });
  const changes: DocChange[] = [];
  for (const code of sourceCodes) {
    const doc = docs<JurisdictionDocument>('jurisdictions', code);
    if (doc) changes.push(put({ ...doc, activeUntil: dayBefore(effectiveFrom), successors: [...doc.successors, edge(into.code)] }));
  }
  const target = into.isNew
    ? { code: into.code, name: into.name, activeFrom: effectiveFrom, activeUntil: null, predecessors: [], successors: [] }
    : docs<JurisdictionDocument>('jurisdictions', into.code);
  if (target) changes.push(put({ ...target, predecessors: [...target.predecessors, ...sourceCodes.map(edge)] }));
  return changes;
}
