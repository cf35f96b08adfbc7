// A WebSocket double for unit tests: records what the client sends and lets a test open it,
// deliver frames and close it with any code.
type Handler = ((event: never) => unknown) | null;

export class FakeSocket {
  static all: FakeSocket[] = [];
  static get last(): FakeSocket {
    return FakeSocket.all[FakeSocket.all.length - 1]!;
  }
  readyState = 0;
  sent: string[] = [];
  closedWith: { code?: number; reason?: string } | undefined;
  onopen: Handler = null;
  onmessage: Handler = null;
  onclose: Handler = null;
  onerror: Handler = null;

  constructor(
    public url: string,
    public protocols?: string | string[],
  ) {
    FakeSocket.all.push(this);
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.readyState = 3;
    this.closedWith = { code, reason };
  }

  // What the server does:
  open(): void {
    this.readyState = 1;
    (this.onopen as ((e: object) => void) | null)?.({});
  }
  receive(frame: object | string): void {
    (this.onmessage as ((e: { data: string }) => void) | null)?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
  drop(code = 1006, reason = ''): void {
    this.readyState = 3;
    (this.onclose as ((e: { code: number; reason: string }) => void) | null)?.({ code, reason });
  }
  /** The frames sent, parsed. */
  frames(): { type: string; [k: string]: unknown }[] {
    return this.sent.map((s) => JSON.parse(s) as { type: string });
  }
  /** Answers each `subscribe` sent so far with `subscribed`, normalised as the server does (project `P`). */
  confirm(): void {
    for (const f of this.frames()) {
      if (f.type !== 'subscribe') continue;
      const t = f.topic as string;
      this.receive({ type: 'subscribed', topic: !t.includes('/') ? `table/${t}/P` : t.endsWith('/P') ? t : `${t}/P` });
    }
  }
}

/** Lets pending promise callbacks run (the key lookup, a history fetch answered at once). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 30; i++) await Promise.resolve();
}
