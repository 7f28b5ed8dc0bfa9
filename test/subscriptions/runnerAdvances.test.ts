import { fixedDirectory } from '../../src/projections/agencies/agencyDirectory';
import { CommandHandler } from '../../src/commands/commandHandler';
import { ParCommands } from '../../src/commands/parCommands';
import { MemoryEventStore } from '../../src/events/store/memory/memoryEventStore';
import { allProjections } from '../../src/projections/allProjections';
import { ProjectionRunner } from '../../src/projections/runner/projectionRunner';
import { MemoryReadStore } from '../../src/projections/store/memory/memoryReadStore';
import { ADMIN, SteppingClock } from '../projections/fixtures';

describe('the projection runner’s advances (what wakes subscriptions)', () => {
  it('tells (from, to] once the read models hold it, only while someone listens, and (0, to] after a rebuild', async () => {
    const events = new MemoryEventStore();
    const store = new MemoryReadStore();
    const commands = new ParCommands(new CommandHandler(events, new SteppingClock()), fixedDirectory([]));
    const register = (code: string) => commands.registerAgency({ actor: ADMIN }, { code, name: `UBND Xã ${code}`, group: 'COMMUNE' });
    const runner = new ProjectionRunner(events, store, allProjections, { pollMs: 20 });
    await runner.start();
    try {
      await register('XAMOT');
      await runner.catchUp(); // before anyone listens: not told

      const told: [number, number, boolean][] = [];
      const stop = runner.onAdvance((from, to) => told.push([from, to, to <= runner.position()]));
      await register('XAHAI');
      await runner.catchUp();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(told).toEqual([[1, 2, true]]);

      await runner.rebuild('agencies');
      expect(told.at(-1)).toEqual([0, 2, true]);

      stop();
      await register('XABA');
      await runner.catchUp();
      expect(told.at(-1)?.[1]).toBe(2);
    } finally {
      await runner.stop();
    }
  });
});
