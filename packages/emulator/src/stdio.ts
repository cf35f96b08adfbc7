// workerd's output, passed through, except the two lines (error + stack) it prints each time a
// fault deliberately drops a connection: those are expected and would only be noise.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

const DROP_MARK = 'connection dropped by an emulator fault';

export function handleRuntimeStdio(stdout: Readable, stderr: Readable): void {
  stdout.pipe(process.stdout);
  let skipStack = false;
  createInterface({ input: stderr }).on('line', (line) => {
    if (line.includes(DROP_MARK)) {
      skipStack = true;
      return;
    }
    if (skipStack && line.startsWith('stack:')) {
      skipStack = false;
      return;
    }
    skipStack = false;
    process.stderr.write(`${line}\n`);
  });
}
