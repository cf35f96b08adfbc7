// One in-memory emulator per test file, on free ports, stopped after the file's tests.
import { type Emulator, startEmulator } from '@aerostack/emulator';
import { afterAll, beforeAll } from 'vitest';

/** What the smoke program and the fixtures need to reach the emulator. */
export interface Target {
  aerostackURL: string;
  aerostackKey: string;
  smarterURL: string;
  smarterKey: string;
}

export function useEmulator(): () => Target {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ aerostackPort: 0, smarterPort: 0, inMemory: true });
  });
  afterAll(async () => {
    await emulator?.stop();
  });
  return () => {
    if (!emulator) throw new Error('the emulator has not started');
    const [aerostackKey, smarterKey] = [emulator.keys[0], emulator.smarterKeys[0]];
    if (!aerostackKey || !smarterKey) throw new Error('the emulator offers no keys');
    return { aerostackURL: emulator.aerostackURL, aerostackKey, smarterURL: emulator.smarterURL, smarterKey };
  };
}
