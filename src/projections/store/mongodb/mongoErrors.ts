import { MongoBulkWriteError, MongoServerError } from 'mongodb';

// Server error codes the store expects and handles; any other server error propagates.
export const DUPLICATE_KEY = 11000;
export const NAMESPACE_EXISTS = 48;

export function hasCode(error: unknown, code: number): boolean {
  return error instanceof MongoServerError && error.code === code;
}

/** The indexes (in their bulk) of the writes that failed with a duplicate key; rethrows any other failure. */
export function duplicateKeyIndexes(error: unknown): number[] {
  if (error instanceof MongoBulkWriteError) {
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    if (writeErrors.length > 0 && writeErrors.every((writeError) => writeError.code === DUPLICATE_KEY)) {
      return writeErrors.map((writeError) => writeError.index).sort((a, b) => a - b);
    }
  }
  throw error;
}

export async function ignoreDuplicateKey(operation: () => Promise<unknown>): Promise<void> {
  try {
    await operation();
  } catch (error) {
    if (!hasCode(error, DUPLICATE_KEY)) throw error;
  }
}

/** An upsert can lose the race to insert a new `_id` to a concurrent upsert; done again, it updates instead. */
export async function retryOnDuplicateKey<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!hasCode(error, DUPLICATE_KEY)) throw error;
    return operation();
  }
}
