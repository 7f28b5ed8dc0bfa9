import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client to a service's /graphql, with the token in connectionParams as a browser client sends it. */
export function liveClient(httpUrl: string, token: string | null): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
}

interface Message {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * One subscription's messages as they arrive; `until` waits (bounded, generously) for the first one after those
 * already taken that satisfies a condition, so tests assert on what arrives, never on when.
 */
export class Subscribed {
  readonly messages: Message[] = [];
  /** The socket's close event or an error the client reported, once the subscription failed. */
  failure: unknown = null;
  completed = false;
  private taken = 0;
  private changed: () => void = () => {};
  readonly stop: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown> = {}) {
    this.stop = client.subscribe<any>(
      { query, variables },
      {
        next: (message) => this.note(() => this.messages.push(message as Message)),
        error: (error) => this.note(() => (this.failure = error)),
        complete: () => this.note(() => (this.completed = true)),
      },
    );
  }

  /** The next message (after those taken) for which `accept` holds; throws with what arrived if none does in time. */
  async until(accept: (message: Message) => boolean, timeoutMs = 20_000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.taken < this.messages.length) {
        const message = this.messages[this.taken++];
        if (accept(message)) return message;
      }
      if (this.failure || this.completed || Date.now() > deadline) {
        throw new Error(`no such message; received ${JSON.stringify(this.messages)}; failure ${describe(this.failure)}; completed ${this.completed}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()) + 1);
        this.changed = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Resolves once the subscription ended (an error or completion), with the failure if any. */
  async ended(timeoutMs = 20_000): Promise<unknown> {
    const deadline = Date.now() + timeoutMs;
    while (!this.failure && !this.completed) {
      if (Date.now() > deadline) throw new Error(`subscription still open; received ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.changed = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.failure;
  }

  private note(change: () => void): void {
    change();
    this.changed();
  }
}

function describe(failure: unknown): string {
  if (!failure) return 'none';
  const { code, reason } = failure as { code?: number; reason?: string };
  return code !== undefined ? `close ${code} ${reason}` : String(failure);
}
