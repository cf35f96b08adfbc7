// The emulator (Miniflare/workerd) as a process of its own, so that the client's
// process.cpuUsage() counts the client only. In memory, on free ports. Prints
// {"aerostackURL", "key", "consumerKey"} once ready; stops cleanly on SIGTERM, or on its own
// after 30 minutes.
import { startEmulator } from '@aerostack/emulator';

const emulator = await startEmulator({ aerostackPort: 0, smarterPort: 0, inMemory: true });
const key = emulator.keys[0];
process.stdout.write(JSON.stringify({ aerostackURL: emulator.aerostackURL, key, consumerKey: emulator.consumerKeys[key], pid: process.pid }) + '\n');
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await emulator.stop().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setTimeout(stop, 30 * 60_000).unref();
