// `@smarter/files/node`: what only Node can do (reading a file from a path). Filled in by the files operations.
export { VERSION } from './version';
