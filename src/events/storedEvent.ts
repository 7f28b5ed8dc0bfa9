import type { RecordedEvent } from './envelope';

/**
 * A stored event that cannot be decoded (text that is not JSON, a position that is not a whole number): the
 * row was damaged or tampered with. Readers fail loudly with it instead of skipping the row, and the chain
 * verifier reports it as a break at `globalPosition` (null when even the position is unreadable).
 */
export class CorruptEventError extends Error {
  constructor(
    readonly globalPosition: number | null,
    readonly reason: string,
  ) {
    super(`the stored event at position ${globalPosition ?? '(unreadable)'} is corrupt: ${reason}`);
    this.name = 'CorruptEventError';
  }
}

/** The texts an event was decoded from, where the store keeps JSON as text (SQL columns, KurrentDB metadata). */
interface StoredText {
  data?: string;
  metadata?: string;
}

/*
 * Kept beside the decoded event rather than on it: only the verifier needs the bytes (to check they are the
 * canonical form the hash was computed over), and checking that on every read would triple decoding cost.
 * A WeakMap lets the texts go with the event.
 */
const storedTexts = new WeakMap<RecordedEvent, StoredText>();

export function rememberStoredText(event: RecordedEvent, text: StoredText): RecordedEvent {
  storedTexts.set(event, text);
  return event;
}

export function storedTextOf(event: RecordedEvent): StoredText | undefined {
  return storedTexts.get(event);
}

/** A column holding a whole number (SQLite gives numbers, PostgreSQL bigints as strings). */
export function storedInteger(value: unknown, column: string, position: number | null): number {
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw new CorruptEventError(position, `${column} is not a whole number (${describe(value)})`);
  }
  return number;
}

export function storedString(value: unknown, column: string, position: number | null): string {
  if (typeof value !== 'string') throw new CorruptEventError(position, `${column} is not text (${describe(value)})`);
  return value;
}

/** JSON text of a column; a parse error names the column and the position instead of a bare offset. */
export function parseStoredJson(text: unknown, column: string, position: number | null): unknown {
  const source = storedString(text, column, position);
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    throw new CorruptEventError(position, `${column} is not valid JSON (${(error as Error).message})`);
  }
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
