import { availableBackends, type BackendInstance } from '../support/backends';
import { startServiceProcess, token, type ServiceProcess } from '../support/serviceProcess';
import { AUDIT, REGISTER_AGENCY } from './operations';

const coordinator = token(['COORDINATOR'], 'SNV');
const admin = token(['ADMIN']);

/**
 * kill -9 in the middle of a burst of mutations: whatever got a success answer must be in the log and in the
 * read models after a restart, and the projections must resume from their checkpoints rather than replay.
 */
describe.each(availableBackends('the crash test').map((b) => [b.name, b] as const))('a service killed with SIGKILL on %s', (_name, backend) => {
  let stores: BackendInstance;
  let service: ServiceProcess | null = null;

  beforeAll(async () => {
    stores = await backend.create();
  });
  afterAll(async () => {
    await service?.stop();
    await stores?.cleanup();
  });

  it('loses no acknowledged mutation and resumes projections from their checkpoints', async () => {
    service = await startServiceProcess(stores.env);
    const first = service;
    const acknowledged: string[] = [];
    let sent = 0;
    let killed = false;

    // Eight clients register agencies as fast as answers come; the process is killed once 40 are acknowledged. Each
    // client goes on until its connection dies with the process, so every one has a request in flight then (when
    // the clients stopped at the kill instead, all could be answered before it landed and none be in flight).
    const client = async (lane: number) => {
      for (let i = 0; ; i++) {
        const code = `C${lane}X${String(i).padStart(4, '0')}`;
        sent++;
        try {
          const response = await first.gql(
            REGISTER_AGENCY,
            { input: { code, name: `Đơn vị thử ${code}`, group: 'COMMUNE' }, commandId: `crash-${code}` },
            coordinator,
          );
          if (response.status === 200 && response.data) acknowledged.push(code);
        } catch {
          return; // the connection died with the process: this one was never acknowledged
        }
        if (acknowledged.length >= 40 && !killed) {
          killed = true;
          await first.kill9();
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, lane) => client(lane)));
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    expect(sent).toBeGreaterThan(acknowledged.length); // some were in flight when it died

    service = await startServiceProcess(stores.env);
    const { data } = await service.gql(
      '{ agencies(group: COMMUNE) { code } serviceInstance { position } projections { name checkpoint appliedSinceStart generation } logVerification { checked firstBreak { position } } }',
      {},
      admin,
    );
    const registered = new Set(data.agencies.map((a: { code: string }) => a.code));
    for (const code of acknowledged) expect(registered).toContain(code);

    const trail = (await service.gql(AUDIT, { first: 500, filter: { eventType: 'AgencyRegistered' } }, admin)).data.auditTrail;
    const position = new Map<string, number>(trail.edges.map((e: { node: { agencyCode: string; position: number } }) => [e.node.agencyCode, e.node.position]));
    for (const code of acknowledged) expect(position.has(code)).toBe(true);
    expect(trail.totalCount).toBe(registered.size); // the log and the read model agree, acknowledged or not

    const head = data.logVerification.checked;
    expect(data.logVerification.firstBreak).toBeNull();
    expect(data.serviceInstance.position).toBe(head);
    // Each acknowledged mutation was projected before its answer, so the checkpoints were at least there.
    const lastAcknowledged = Math.max(...acknowledged.map((code) => position.get(code) as number));
    for (const projection of data.projections) {
      expect(projection).toMatchObject({ checkpoint: head, generation: 1 });
      expect(projection.appliedSinceStart).toBeLessThanOrEqual(head - lastAcknowledged);
    }
  }, 180_000);
});
