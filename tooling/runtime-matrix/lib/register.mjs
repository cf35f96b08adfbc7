// @ts-check
// `node --import <this file> script.mjs`: bare specifiers the script cannot resolve are resolved
// from the runtime matrix's node_modules (see resolve-hooks.mjs).
import { register } from 'node:module';

register('./resolve-hooks.mjs', import.meta.url);
