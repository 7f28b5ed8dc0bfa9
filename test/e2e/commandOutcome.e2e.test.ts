import { startTestService, type GraphQLResponse, type TestService } from '../support/service';
import { REGISTER_AGENCY } from './operations';

type CommandExtension = { commandId: string | null; position: number | null; replayed: boolean };
type Answer = GraphQLResponse & { extensions?: { command?: CommandExtension } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Every mutation answer says which command it was (`extensions.command`), so a client can always retry safely,
 * and a command whose read models lag behind is answered NOT_YET_VISIBLE, not as a failure: it is committed.
 */
describe('command outcomes in mutation answers', () => {
  let t: TestService;
  let coordinator: string;

  beforeAll(async () => {
    // A short bound, so the test where the read models are held back does not wait long.
    t = await startTestService({}, { readYourWritesTimeoutMs: 300 });
    coordinator = t.token(['COORDINATOR'], 'SNV');
  });
  afterAll(async () => t?.stop());

  const register = (code: string, commandId?: string) =>
    t.gql(
      REGISTER_AGENCY,
      { input: { code, name: `Cơ quan thử nghiệm ${code}`, group: 'DEPARTMENT' }, ...(commandId ? { commandId } : {}) },
      coordinator,
    ) as Promise<Answer>;

  it('reports the generated commandId and the position; the same commandId again replays with the same position', async () => {
    const first = await register('THU1');
    expect(first.errors).toBeUndefined();
    const command = first.extensions?.command as CommandExtension;
    expect(command.commandId).toMatch(UUID);
    expect(command.replayed).toBe(false);
    expect(command.position).toBe(await t.service.events.headPosition());

    const again = await register('THU1', command.commandId as string);
    expect(again.errors).toBeUndefined();
    expect(again.data.registerAgency).toEqual(first.data.registerAgency);
    expect(again.extensions?.command).toEqual({ ...command, replayed: true });
    expect(await t.service.events.headPosition()).toBe(command.position);
  });

  it('reports the commandId of a refused command with no position', async () => {
    const head = await t.service.events.headPosition();
    const refused = await register('THU1', 'register-thu1-twice');
    expect(refused.errors?.[0].extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(refused.extensions?.command).toEqual({ commandId: 'register-thu1-twice', position: null, replayed: false });
    expect(await t.service.events.headPosition()).toBe(head);
  });

  it('answers NOT_YET_VISIBLE with the command when the read models are held back, and a retry appends nothing', async () => {
    await t.service.runner.stop(); // the read models stay where they are from now on
    const late = await register('THU2', 'register-thu2');
    const head = await t.service.events.headPosition();
    const expected = { commandId: 'register-thu2', position: head, replayed: false };
    expect(late.status).toBe(200);
    expect(late.errors).toHaveLength(1);
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'NOT_YET_VISIBLE', ...expected });
    expect(late.extensions?.command).toEqual(expected);
    expect((await t.service.events.readAll(head - 1, 10)).map((e) => e.metadata.commandId)).toEqual(['register-thu2']);

    const retry = await register('THU2', 'register-thu2');
    expect(retry.errors?.[0].extensions).toMatchObject({ code: 'NOT_YET_VISIBLE', ...expected, replayed: true });
    expect(retry.extensions?.command).toEqual({ ...expected, replayed: true });
    expect(await t.service.events.headPosition()).toBe(head);
  });
});
