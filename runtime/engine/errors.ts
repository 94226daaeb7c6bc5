/**
 * Execution results that end a phase, named as the node's engine errors
 * (execution_engine `core/execution/error.rs`). Host handlers throw an ExecutionError to trap:
 * it unwinds the Wasm stack and becomes the execution result. Anything else thrown out of a
 * host handler is a defect of the emulator and propagates to the caller (DESIGN convention 4).
 */

import { apiError, type ApiErrorInfo } from '../types/api-error';
import { bytesReprErrorName } from '../types/bytesrepr';

/** Engine error names the emulator reports. */
export type ExecutionErrorKind =
  | 'Revert'
  | 'Interpreter'
  | 'BytesRepr'
  | 'GasLimit'
  | 'ForgedReference'
  | 'InvalidAccess'
  | 'KeyNotFound'
  | 'AccountNotFound'
  | 'TypeMismatch'
  | 'InvalidContext'
  | 'FunctionNotFound'
  | 'NoSuchMethod'
  | 'LockedContract'
  | 'DisabledContract'
  | 'InvalidContractVersion'
  | 'NoActiveContractVersions'
  | 'RuntimeStackOverflow'
  | 'IncompatibleProtocolMajorVersion'
  | 'ExpectedReturnValue'
  | 'DictionaryItemKeyExceedsLength'
  | 'UnsupportedWasmStart'
  | 'WasmPreprocessing'
  | 'MissingArgument'
  | 'UnexpectedStoredValueVariant'
  | 'CLValue'
  | 'InvalidContractWasm'
  | 'Authorization'
  | 'DeploymentAuthorizationFailure'
  | 'NamedKeyNotFound'
  | 'InvalidKeyVariant'
  | 'ParityWasm'
  | 'Resolver'
  | 'InsufficientPayment'
  | 'GasConversionOverflow'
  | 'Finalization';

/** An execution result that is not success: the phase fails with this error. */
export class ExecutionError extends Error {
  /** The node's error name. */
  readonly kind: ExecutionErrorKind;
  /** For Revert: the ApiError. */
  readonly apiError?: ApiErrorInfo;

  constructor(kind: ExecutionErrorKind, message: string, apiErrorInfo?: ApiErrorInfo) {
    super(message);
    this.kind = kind;
    this.apiError = apiErrorInfo;
  }
}

/** Revert(ApiError::from(status)). */
export function revertError(status: number): ExecutionError {
  const info = apiError(status);
  return new ExecutionError('Revert', info.message, info);
}

/** Interpreter(msg): Wasm traps and instantiation failures. */
export function interpreterError(message: string): ExecutionError {
  return new ExecutionError('Interpreter', `Interpreter error: ${message}`);
}

/** BytesRepr(e): an input the host could not decode. */
export function bytesReprError(code: number): ExecutionError {
  return new ExecutionError('BytesRepr', `Serialization error: ${bytesReprErrorName(code as any)}`);
}

/** GasLimit: the phase ran out of gas. */
export function gasLimitError(): ExecutionError {
  return new ExecutionError('GasLimit', 'Out of gas error');
}

/** ForgedReference(uref): a URef the context does not hold with those rights. */
export function forgedReference(formattedURef: string): ExecutionError {
  return new ExecutionError('ForgedReference', `Forged reference: ${formattedURef}`);
}

/** InvalidAccess { required }: reading/writing/adding a key without the right. */
export function invalidAccess(required: string): ExecutionError {
  return new ExecutionError('InvalidAccess', `Invalid access rights: ${required}`);
}

/** A typed constructor for the remaining kinds. */
export function executionError(kind: ExecutionErrorKind, message: string): ExecutionError {
  return new ExecutionError(kind, message);
}

/** Maps a trap raised by V8 inside Wasm to the interpreter (wasmi) trap the node reports. */
export function fromWasmTrap(e: unknown): ExecutionError | null {
  if (e instanceof WebAssembly.RuntimeError) {
    const m = e.message;
    const code = /unreachable/.test(m)
      ? 'Unreachable'
      : /memory access out of bounds/.test(m)
        ? 'MemoryAccessOutOfBounds'
        : /divide by zero|remainder by zero/.test(m)
          ? 'DivisionByZero'
          : /integer overflow|unrepresentable/.test(m)
            ? 'InvalidConversionToInt'
            : /table index is out of bounds|out of bounds table access/.test(m)
              ? 'TableAccessOutOfBounds'
              : /null function|signature mismatch/.test(m)
                ? 'UnexpectedSignature'
                : null;
    return withCause(interpreterError(code ? `trap: Code(${code})` : m), e);
  }
  if (e instanceof RangeError && /call stack size/.test(e.message)) {
    return withCause(interpreterError('trap: Code(StackOverflow)'), e);
  }
  return null;
}

/** Keeps the V8 trap (and its Wasm stack frames) as the execution error's `cause`, for tools. */
function withCause(error: ExecutionError, cause: Error): ExecutionError {
  Object.defineProperty(error, 'cause', { value: cause, enumerable: false });
  return error;
}
