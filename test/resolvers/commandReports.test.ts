import { DomainError } from '../../src/domain/errors';
import { ANSWERS_FROM } from '../../src/resolvers/answersFrom';
import { CommandReports, awaitVisible, fixCommandIds } from '../../src/resolvers/commandReports';
import { buildParSchema } from '../../src/schema/buildParSchema';

const outcome = { commandId: 'c-1', streamId: 'assessment-2026-TAMKY', lastPosition: 42, replayed: false };

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('read-your-writes after a committed command', () => {
  it('answers once the read models reached the position and the projection it reads is healthy', async () => {
    const reports = new CommandReports();
    await expect(
      awaitVisible(
        reports,
        outcome,
        async () => undefined,
        () => false,
      ),
    ).resolves.toBeUndefined();
    expect(reports.list()).toEqual([{ commandId: 'c-1', position: 42, replayed: false }]);
  });

  it('is NOT_YET_VISIBLE with the command report when the wait gives up', async () => {
    const error = await refusal(awaitVisible(new CommandReports(), outcome, () => Promise.reject(new Error('timeout'))));
    expect(error.code).toBe('NOT_YET_VISIBLE');
    expect(error.details).toMatchObject({ commandId: 'c-1', position: 42, replayed: false });
  });

  it('is NOT_YET_VISIBLE when the projection the mutation answers from failed at or before its position', async () => {
    const failedAt = 40;
    const error = await refusal(
      awaitVisible(
        new CommandReports(),
        outcome,
        async () => undefined,
        (position) => failedAt <= position,
      ),
    );
    expect(error.code).toBe('NOT_YET_VISIBLE');
    expect(error.details).toMatchObject({ commandId: 'c-1', position: 42 });
  });
});

describe('what read-your-writes waits for', () => {
  it('waits for the read models the mutation said its answer reads, and checks those for failures', async () => {
    const reports = new CommandReports();
    reports.begin('c-1', ['assessments']);
    const waited: unknown[] = [];
    const checked: unknown[] = [];
    await awaitVisible(
      reports,
      outcome,
      async (position, projections) => void waited.push([position, projections]),
      (position, projections) => (checked.push([position, projections]), false),
    );
    expect(waited).toEqual([[42, ['assessments']]]);
    expect(checked).toEqual([[42, ['assessments']]]);
    // What the answer reads is not part of the report the client sees.
    expect(reports.list()).toEqual([{ commandId: 'c-1', position: 42, replayed: false }]);
  });

  it('waits for every read model when the mutation did not say', async () => {
    const waited: unknown[] = [];
    await awaitVisible(new CommandReports(), outcome, async (_position, projections) => void waited.push(projections));
    expect(waited).toEqual([null]);
  });

  it('maps every mutation that runs a command, and refuses a schema with one it does not map', async () => {
    const schema = await buildParSchema();
    const commandMutations = Object.values(schema.getMutationType()!.getFields()).filter((f) => f.args.some((a) => a.name === 'commandId'));
    expect(commandMutations.length).toBeGreaterThan(20);
    for (const field of commandMutations) expect(ANSWERS_FROM[field.name]?.length ?? 0).toBeGreaterThan(0);
    expect(() => fixCommandIds(schema)).not.toThrow();
    const unmapped = await buildParSchema();
    const field = unmapped.getMutationType()!.getFields().saveSelfAssessmentDraft;
    field.name = 'saveSomethingNew';
    expect(() => fixCommandIds(unmapped)).toThrow(/mutation saveSomethingNew: say in src\/resolvers\/answersFrom.ts/);
  });
});
