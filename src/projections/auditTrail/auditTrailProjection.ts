import type { Actor } from '../../events/envelope';
import { PAR_EVENT_TYPES, type RecordedParEvent } from '../../events/parEvents';
import { defineProjection } from '../projection';

export interface AuditEntry {
  position: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  streamVersion: number;
  recordedAt: string;
  actor: Actor;
  /** The agency the event is about (the assessed or registered agency), for filtering. */
  agencyCode: string | null;
  commandId: string;
  correlationId: string;
  data: unknown;
  prevHash: string;
  hash: string;
}

/**
 * The agency an event is about, for filtering: the registered agency, else the `agencyCode` every assessment event
 * and every cycle event about one agency (an extension, an exclusion) carries. Visibility does not depend on it
 * (readers are limited by stream), so tagging more events never shows anyone more.
 */
function subjectAgency(event: RecordedParEvent): string | null {
  switch (event.type) {
    case 'AgencyRegistered':
    case 'AgencyRenamed':
    case 'AgencyDissolved':
    case 'AgencyMoved':
      return event.data.code;
    // The unit that carries on: a filter on it shows what merged into it.
    case 'AgenciesMerged':
      return event.data.into.code;
    case 'AgencySplit':
      return event.data.sourceCode;
  }
  const data: object = event.data;
  return 'agencyCode' in data && typeof data.agencyCode === 'string' ? data.agencyCode : null;
}

/** Zero-padded so that ids sort like positions in stores that compare ids as text. */
export const auditId = (position: number) => String(position).padStart(12, '0');

export const auditTrailProjection = defineProjection({
  name: 'auditTrail',
  // 2: every event naming an agency is tagged with it (drafts, explanations, complaints, extensions, …).
  // 3: reorganisations are tagged with the unit renamed, moved, dissolved, split, or merged into.
  version: 3,
  collections: [
    {
      name: 'auditTrail',
      indexes: [['position'], ['agencyCode', 'position'], ['streamId', 'position'], ['actor.sub', 'position'], ['type', 'position'], ['recordedAt']],
    },
  ],
  // Every event, whatever its type: the audit trail is the whole log.
  handles: PAR_EVENT_TYPES,
  reads: () => [],
  apply(event) {
    const entry: AuditEntry = {
      position: event.globalPosition,
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      recordedAt: event.metadata.recordedAt,
      actor: event.metadata.actor,
      agencyCode: subjectAgency(event),
      commandId: event.metadata.commandId,
      correlationId: event.metadata.correlationId,
      data: event.data,
      prevHash: event.prevHash,
      hash: event.hash,
    };
    return [{ collection: 'auditTrail', id: auditId(event.globalPosition), doc: entry }];
  },
});
