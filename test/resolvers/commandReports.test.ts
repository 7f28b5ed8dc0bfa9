import { DomainError } from '../../src/domain/errors';
import { CommandReports, awaitVisible } from '../../src/resolvers/commandReports';

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
