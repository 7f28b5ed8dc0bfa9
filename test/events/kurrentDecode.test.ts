import { GENESIS_HASH, type EventMetadata } from '../../src/events/envelope';
import { sealEvents, verifyChain } from '../../src/events/hashChain';
import { decodeEvent, toEventData, type KurrentRecord } from '../../src/events/store/kurrentdb/kurrentEnvelope';
import { CorruptEventError } from '../../src/events/storedEvent';

// No KurrentDB server runs here: this checks the adapter's decoding of a stored record without one.
const metadata: EventMetadata = {
  actor: { sub: 'u-1', name: 'Trần Văn Bình', agency: 'SNV', roles: ['COORDINATOR'] },
  commandId: 'cmd-1',
  correlationId: 'cmd-1',
  causationId: 'cmd-1',
  recordedAt: '2026-01-10T08:00:00.000Z',
};

function stored(): KurrentRecord {
  const [event] = sealEvents('agency-SNV', [{ type: 'AgencyRegistered', schemaVersion: 1, data: { code: 'SNV', name: 'Sở Nội vụ' } }], metadata, {
    streamVersion: 0,
    globalPosition: 0,
    hash: GENESIS_HASH,
  });
  const written = toEventData(event, event.eventId);
  return {
    streamId: 'par-log',
    id: event.eventId,
    revision: 0n,
    type: event.type,
    isJson: true,
    data: event.data,
    metadata: { ...(written.metadata as Record<string, string>) },
  };
}

describe('KurrentDB envelope decoding of a damaged record', () => {
  it('decodes an intact record into an event that verifies', async () => {
    const event = decodeEvent(stored());
    expect(await verifyChain(async (after) => (after === 0 ? [event] : []))).toMatchObject({ checked: 1, firstBreak: null });
  });

  it('raises CorruptEventError with the position for unreadable metadata, a missing field or a bad number', () => {
    const damaged = (change: (properties: Record<string, string>) => void) => {
      const record = stored();
      change(record.metadata as Record<string, string>);
      return () => decodeEvent(record);
    };
    const metadataBroken = damaged((p) => (p.metadata = p.metadata.replace('{', 'z')));
    expect(metadataBroken).toThrow(CorruptEventError);
    expect(metadataBroken).toThrow(/position 1 is corrupt: metadata is not valid JSON/);
    expect(damaged((p) => delete (p as Partial<Record<string, string>>).hash)).toThrow(/position 1 is corrupt: .*lacks envelope field hash/);
    expect(damaged((p) => (p.streamVersion = 'x1'))).toThrow(/position 1 is corrupt: .*bad streamVersion/);
    expect(damaged((p) => (p.globalPosition = '1x'))).toThrow(/position \(unreadable\) is corrupt/);
  });

  it('gives the verifier the stored metadata text, so a non-canonical spelling is a break', async () => {
    const record = stored();
    const properties = record.metadata as Record<string, string>;
    properties.metadata = JSON.stringify(JSON.parse(properties.metadata), null, 1);
    const event = decodeEvent(record);
    expect((await verifyChain(async (after) => (after === 0 ? [event] : []))).firstBreak).toEqual({
      globalPosition: 1,
      reason: 'metadata is not stored in its canonical form',
    });
  });
});
