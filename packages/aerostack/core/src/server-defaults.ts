// What every server entry (node, and server for Bun and Deno) turns on when it loads; the main
// entry, which browser and edge bundles get, leaves both out.

import { enableLogging } from './logging';
import { hideCredentialsWhenPrinted } from './printing';

export function installServerDefaults(): void {
  enableLogging();
  hideCredentialsWhenPrinted();
}
