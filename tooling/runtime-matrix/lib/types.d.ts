// Shapes shared by the harness (JSDoc in the .mjs files) and the tests.

/** Where the smoke program (or an example) points: the emulator or a real deployment. */
export interface Target {
  aerostackURL: string;
  aerostackKey: string;
  smarterURL?: string;
  smarterKey?: string;
  runtime?: string;
}

/** The realtime smoke program's target: a table (id INTEGER PRIMARY KEY, name TEXT) the harness made, and which WebSocket to use. */
export interface RealtimeTarget extends Target {
  realtimeTable: string;
  /** `ws`: the `ws` package's class, passed as the `WebSocket` option (Node 20); otherwise the global one. */
  webSocket?: 'ws' | 'global';
}

export interface Step {
  name: string;
  ok: boolean;
  detail: string;
}

/** What smoke() answers. */
export interface Report {
  ok: boolean;
  runtime: string;
  steps: Step[];
}

/** One cell of the matrix: a runtime, its version, the smoke report and how long the run took. */
export interface Cell {
  runtime: string;
  version: string;
  ok: boolean;
  ms: number;
  report: Report;
}
