import { CommandHandler } from '../../src/commands/commandHandler';
import type { Decider } from '../../src/domain/decider';
import { DomainError } from '../../src/domain/errors';
import type { NewEvent } from '../../src/events/envelope';
import { StoreContentionError, type EventStore } from '../../src/events/store/eventStore';
import { MemoryEventStore } from '../../src/events/store/memory/memoryEventStore';

const actor = { sub: 'u-1', name: 'Võ Thị Lan', agency: 'SNV', roles: ['COORDINATOR'] };
const once: Decider<{ type: 'Do' }, NewEvent, number> = {
  initialState: () => 0,
  evolve: (state) => state + 1,
  decide: () => [{ type: 'SurveyScoresRecorded', schemaVersion: 1, data: {} }],
};

function handle(handler: CommandHandler, commandId?: string) {
  return handler.handle({
    commandName: 'Do',
    input: { x: 1 },
    streamId: 's',
    decider: once,
    envelope: { actor, commandId },
    prepare: () => ({ type: 'Do' as const }),
  });
}

describe('CommandHandler outcomes', () => {
  it('reports the commandId it used, generated when the client gave none, and the same on a replay', async () => {
    const handler = new CommandHandler(new MemoryEventStore());
    const generated = await handle(handler);
    expect(generated).toMatchObject({ streamId: 's', lastPosition: 1, replayed: false });
    expect(generated.commandId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await handle(handler, generated.commandId)).toEqual({ ...generated, replayed: true });
  });

  it('turns a store that stays contended into CONFLICT after its retries, never an internal error', async () => {
    const store = new MemoryEventStore();
    let appends = 0;
    const contended: EventStore = Object.assign(Object.create(store) as EventStore, {
      append: async () => {
        appends++;
        throw new StoreContentionError('s', 'other writers kept moving the log');
      },
    });
    const error = await handle(new CommandHandler(contended), 'cmd-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'CONFLICT', details: { commandId: 'cmd-1' } });
    expect(appends).toBeGreaterThan(1);
  });
});
