/**
 * casper-as runtime: run Casper session Wasm in jest against an emulation of a 1.5.6 node.
 *
 *   const env = new TestEnv();
 *   const r = env.runSession({ wasm: 'transfer-to-account', args: [...] });
 */

export { DEFAULT_ACCOUNT_INITIAL_BALANCE, DEFAULT_SESSION_GAS_LIMIT, TestEnv } from './env';
export type {
  EnvOptions,
  ExecutionRequest,
  ExecutionResult,
  SessionRequest,
  StoredContractRequest,
  StoredContractTarget,
} from './env';
export { fromSdkArgs } from './args';
export { ExecutionError } from './engine/errors';
export type { ExecutionErrorKind } from './engine/errors';
export {
  apiError,
  ApiErrorCode,
  AuctionErrorCode,
  ContractHeaderErrorCode,
  MintErrorCode,
  userError,
} from './types/api-error';
export { installStub, revertError } from './stubs';
export type { ContractStub, InstalledStub, StubCall, StubCallContext, StubEntryPoint } from './stubs';
export * from './types';
