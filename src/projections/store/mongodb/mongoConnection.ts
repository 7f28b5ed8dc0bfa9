import { MongoClient, type Db } from 'mongodb';
import { redactUrl } from '../../../shared/redactUrl';

export interface MongoReadStoreOptions {
  /** Used when the URL names no database; default `par_ledger`. */
  dbName?: string;
  /** How long to look for a server before failing; default 5000 ms unless the URL sets it. */
  serverSelectionTimeoutMS?: number;
}

const DEFAULT_DB_NAME = 'par_ledger';
const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 5000;

/**
 * Connects and checks that the server answers, failing within the server selection timeout with a message that
 * names the URL (without credentials). The database is the URL's path, else `options.dbName`, else `par_ledger`.
 */
export async function connectDatabase(url: string, options: MongoReadStoreOptions): Promise<{ client: MongoClient; db: Db }> {
  const shown = redactUrl(url);
  const dbName = databaseName(url, options.dbName);
  const timeout = options.serverSelectionTimeoutMS ?? DEFAULT_SERVER_SELECTION_TIMEOUT_MS;
  const urlSetsTimeout = /[?&]serverSelectionTimeoutMS=/i.test(url);
  let client: MongoClient;
  try {
    client = new MongoClient(url, {
      appName: 'par-ledger',
      ...(urlSetsTimeout && options.serverSelectionTimeoutMS === undefined ? {} : { serverSelectionTimeoutMS: timeout }),
    });
  } catch (error) {
    // No `cause` here or below: the driver's error may quote the URL with its password, and loggers print causes.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`Invalid MongoDB URL ${shown}: ${errorMessage(error, url, shown)}`);
  }
  try {
    await client.connect();
    await client.db(dbName).command({ ping: 1 });
  } catch (error) {
    await client.close().catch(() => undefined);
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`Cannot connect to the MongoDB server at ${shown}: ${errorMessage(error, url, shown)}`);
  }
  return { client, db: client.db(dbName) };
}

/**
 * The database named by the URL's path (`mongodb://host/name`), else `fallback`, else `par_ledger`. Exported for
 * tests and for tools that report where a store lives.
 */
export function databaseName(url: string, fallback?: string): string {
  const afterScheme = url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '');
  const slash = afterScheme.indexOf('/');
  const path = slash === -1 ? '' : afterScheme.slice(slash + 1).split('?')[0];
  let name: string;
  try {
    name = decodeURIComponent(path) || fallback || DEFAULT_DB_NAME;
  } catch {
    throw new Error(`Invalid database name in MongoDB URL ${redactUrl(url)}`);
  }
  if (!/^[^/\\. "$*<>:|?\u0000]{1,63}$/.test(name)) {
    throw new Error(`Invalid MongoDB database name ${JSON.stringify(name)} (from ${redactUrl(url)})`);
  }
  return name;
}

function errorMessage(error: unknown, url: string, shown: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return url === shown ? message : message.split(url).join(shown);
}
