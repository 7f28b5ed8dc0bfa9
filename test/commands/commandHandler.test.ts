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

  it('looks a commandId up only when deciding or appending fails: a repeat replays even when its decision is now refused', async () => {
    const store = new MemoryEventStore();
    let lookups = 0;
    const counting: EventStore = Object.assign(Object.create(store) as EventStore, {
      findCommand: (commandId: string) => {
        lookups++;
        return store.findCommand(commandId);
      },
    });
    const handler = new CommandHandler(counting);
    const first = await handle(handler, 'cmd-2');
    expect(first).toMatchObject({ commandId: 'cmd-2', replayed: false });
    expect(lookups).toBe(0);
    // Deciding it again succeeds: the append refuses the known commandId, and the first outcome is the answer.
    expect(await handle(handler, 'cmd-2')).toEqual({ ...first, replayed: true });
    expect(await store.headPosition()).toBe(first.lastPosition);
    // Deciding it again is refused now (the state moved on): still the first outcome, found by the lookup.
    const refusing = (commandId: string, input: unknown) =>
      handler.handle({
        commandName: 'Do',
        input,
        streamId: 's',
        decider: {
          ...once,
          decide: () => {
            throw new DomainError('CONFLICT', 'already done');
          },
        },
        envelope: { actor, commandId },
        prepare: () => ({ type: 'Do' as const }),
      });
    expect(await refusing('cmd-2', { x: 1 })).toEqual({ ...first, replayed: true });
    expect(lookups).toBe(1);
    // The same commandId for another request is refused as such, whichever way it is found.
    await expect(refusing('cmd-2', { x: 2 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(
      handler.handle({
        commandName: 'Do',
        input: { x: 2 },
        streamId: 's',
        decider: once,
        envelope: { actor, commandId: 'cmd-2' },
        prepare: () => ({ type: 'Do' as const }),
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    // A refusal of a new command stays that refusal.
    await expect(refusing('cmd-3', { x: 1 })).rejects.toMatchObject({ code: 'CONFLICT', message: 'already done' });
    expect(await store.headPosition()).toBe(first.lastPosition);
  });
});
