export { VERSION } from './version';
export { invoke, type InvokeParams, type InvokeResult } from './invoke';
export { Services } from './services';
