export { VERSION } from './version';
export { invoke, type InvokeParams, type InvokeResult } from './invoke';
export { Services } from './services';
export { call } from './call';
export { Functions } from './functions';
export type { CallArgs, CallOptions, FunctionMethod, ParamsOf, ResponseOf, SlugOf, UntypedFunctions } from './function-types';
