/**
 * CallStackElement (`types/src/system/call_stack_element.rs`): tag 0 Session(AccountHash),
 * 1 StoredSession(AccountHash, ContractPackageHash, ContractHash), 2 StoredContract
 * (ContractPackageHash, ContractHash); all hashes 32 raw bytes. `load_call_stack` returns a
 * `Vec<CallStackElement>` as CLType List(Any).
 */
import { BytesReprError, type DecodeResult, fromBytes, type Reader, toBytes, type Writer } from './bytesrepr';
import { CLTypes } from './cltype';
import { CLValue } from './clvalue';

/** One call-stack frame. */
export type CallStackElement =
  | { readonly tag: 0; readonly accountHash: Uint8Array }
  | {
      readonly tag: 1;
      readonly accountHash: Uint8Array;
      readonly contractPackageHash: Uint8Array;
      readonly contractHash: Uint8Array;
    }
  | { readonly tag: 2; readonly contractPackageHash: Uint8Array; readonly contractHash: Uint8Array };

/** Reads a CallStackElement (unknown tag → Formatting). */
export function readCallStackElement(r: Reader): CallStackElement {
  const tag = r.u8();
  switch (tag) {
    case 0:
      return { tag, accountHash: r.fixed(32) };
    case 1: {
      const accountHash = r.fixed(32);
      const contractPackageHash = r.fixed(32);
      return { tag, accountHash, contractPackageHash, contractHash: r.fixed(32) };
    }
    case 2: {
      const contractPackageHash = r.fixed(32);
      return { tag, contractPackageHash, contractHash: r.fixed(32) };
    }
    default:
      return r.fail(BytesReprError.Formatting);
  }
}

/** Writes a CallStackElement. */
export function writeCallStackElement(w: Writer, e: CallStackElement): void {
  w.u8(e.tag);
  if (e.tag !== 2) w.fixed(e.accountHash, 32);
  if (e.tag !== 0) {
    w.fixed(e.contractPackageHash, 32);
    w.fixed(e.contractHash, 32);
  }
}

/** Decodes exactly one CallStackElement. */
export function decodeCallStackElement(bytes: Uint8Array): DecodeResult<CallStackElement> {
  return fromBytes(bytes, readCallStackElement);
}

/** Serializes a CallStackElement. */
export function encodeCallStackElement(e: CallStackElement): Uint8Array {
  return toBytes(e, writeCallStackElement, 97);
}

/** Decodes a whole `Vec<CallStackElement>`. */
export function decodeCallStack(bytes: Uint8Array): DecodeResult<CallStackElement[]> {
  return fromBytes(bytes, (r) => r.vec(readCallStackElement));
}

/** The call stack as the CLValue `load_call_stack` puts in the host buffer (List(Any)). */
export function callStackToCLValue(frames: readonly CallStackElement[]): CLValue {
  return new CLValue(
    CLTypes.ListAny,
    toBytes(frames, (w, f) => w.vec(f, writeCallStackElement), 4 + 97 * frames.length),
  );
}
