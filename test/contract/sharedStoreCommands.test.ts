import { fixedDirectory } from '../../src/projections/agencies/agencyDirectory';
import { join } from 'node:path';
import { CommandHandler } from '../../src/commands/commandHandler';
import { ParCommands } from '../../src/commands/parCommands';
import { assessmentDecider } from '../../src/domain/assessment/assessmentDecider';
import { toPoints } from '../../src/domain/points';
import type { Actor } from '../../src/events/envelope';
import { streams } from '../../src/events/parEvents';
import type { EventStore } from '../../src/events/store/eventStore';
import { PostgresEventStore } from '../../src/events/store/postgres/postgresEventStore';
import { SqliteEventStore } from '../../src/events/store/sqlite/sqliteEventStore';
import { quangNamAgencies } from '../../src/seed/quangNamAgencies';
import { sampleFrameworks } from '../../src/seed/sampleFrameworks';
import { seedIfEmpty } from '../../src/seed/seed';
import { tempDir } from '../projections/fixtures';
import { createTestDatabase } from '../support/postgresDatabase';
import { describeWithServer, servers } from '../support/servers';

const YEAR = 2026;
const coordinator: Actor = { sub: 'snv', name: 'Điều phối SNV', agency: 'SNV', roles: ['COORDINATOR', 'ADMIN'] };
const officer: Actor = { sub: 'tamky', name: 'Cán bộ Tam Kỳ', agency: 'TAMKY', roles: ['AGENCY_OFFICER'] };
const directory = fixedDirectory(quangNamAgencies);

/** Two service instances: each its own connection to one log and its own handler, hence its own cached states. */
type OpenInstance = () => Promise<EventStore>;

function sharedStoreSuite(open: OpenInstance) {
  const submit = (commands: ParCommands, criterionCode: string, points: number) =>
    commands.submitSelfAssessment({ actor: officer }, { year: YEAR, agencyCode: 'TAMKY', scores: [{ criterionCode, points, evidence: ['KH số 1/KH-UBND'] }] });

  it("sees the other instance's writes to the decided stream and to the streams it only reads (the cycle)", async () => {
    const storeA = await open();
    const storeB = await open();
    try {
      const a = new ParCommands(new CommandHandler(storeA), directory);
      const b = new ParCommands(new CommandHandler(storeB), directory);
      await seedIfEmpty(storeA, a);
      await b.openAssessmentCycle(
        { actor: coordinator },
        {
          year: YEAR,
          frameworkCodes: sampleFrameworks.map((f) => f.code),
          selfAssessmentDeadline: new Date('2099-01-15T10:00:00Z'),
          appraisalDeadline: new Date('2099-03-15T10:00:00Z'),
        },
      );
      // Each instance caches Tam Kỳ's assessment and the cycle; each then writes after the other's write.
      await submit(a, '1.1.1', 1);
      await submit(b, '1.1.2', 0.5);
      await submit(a, '1.1.1', 0.75);
      const handlerB = new CommandHandler(storeB);
      const stream = streams.assessment(YEAR, 'TAMKY');
      const fresh = await handlerB.load(stream, assessmentDecider);
      expect(fresh.version).toBe(3);
      expect(fresh.state.leaves['1.1.1'].self?.points).toBe(toPoints(0.75));
      expect(fresh.state.leaves['1.1.2'].self?.points).toBe(toPoints(0.5));

      // A moves the deadline into the past; B, whose cached cycle still has the old one, must refuse.
      await a.amendCycleSchedule(
        { actor: coordinator },
        { year: YEAR, selfAssessmentDeadline: new Date('2020-01-15T10:00:00Z'), appraisalDeadline: new Date('2099-03-15T10:00:00Z'), reason: 'Thử nghiệm' },
      );
      await expect(submit(b, '1.1.3', 1)).rejects.toMatchObject({ code: 'DEADLINE_PASSED' });
      expect((await handlerB.load(stream, assessmentDecider)).version).toBe(3);
    } finally {
      await storeA.close();
      await storeB.close();
    }
  });
}

describe('two instances on one SQLite file', () => {
  const dir = tempDir('par-shared-store-');
  afterAll(() => dir.remove());
  let n = 0;
  const file = () => join(dir.dir, `events-${n}.sqlite`);
  beforeEach(() => n++);
  sharedStoreSuite(async () => SqliteEventStore.open(file()));
});

describeWithServer('two instances on one PostgreSQL database', servers.postgres, 'TEST_POSTGRES_URL', (serverUrl) => {
  let db: { url: string; drop: () => Promise<void> } | null = null;
  beforeEach(async () => {
    db = await createTestDatabase(serverUrl);
  });
  afterEach(async () => {
    await db?.drop();
  });
  sharedStoreSuite(() => PostgresEventStore.connect(db!.url));
});
