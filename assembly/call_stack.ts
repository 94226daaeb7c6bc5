// CallStackElement (casper-types `system::CallStackElement`): one frame of `runtime.getCallStack()`.

import { BytesReprError, Decoder, Encoder } from './bytesrepr';
import { AccountHash, ContractHash, ContractPackageHash } from './hashes';

/** Frame kinds, as the tag byte of CallStackElement. */
export namespace CallStackElementTag {
  /** Session code of an account. */
  export const Session: u8 = 0;
  /** A stored entry point of type Session. */
  export const StoredSession: u8 = 1;
  /** A stored entry point of type Contract. */
  export const StoredContract: u8 = 2;
}

/** One call-stack frame: who is running, and for stored code, which package and contract. */
export class CallStackElement {
  constructor(
    /** CallStackElementTag. */
    public tag: u8 = 0,
    /** The account (Session, StoredSession); zero hash otherwise. */
    public accountHash: AccountHash = new AccountHash(),
    /** The package (StoredSession, StoredContract); zero hash otherwise. */
    public contractPackageHash: ContractPackageHash = new ContractPackageHash(),
    /** The contract (StoredSession, StoredContract); zero hash otherwise. */
    public contractHash: ContractHash = new ContractHash(),
  ) {}

  /** bytesrepr: tag ‖ fields of that variant. */
  encode(enc: Encoder): void {
    enc.putU8(this.tag);
    if (this.tag != CallStackElementTag.StoredContract) this.accountHash.encode(enc);
    if (this.tag != CallStackElementTag.Session) {
      this.contractPackageHash.encode(enc);
      this.contractHash.encode(enc);
    }
  }

  /** bytesrepr decode; an unknown tag is Formatting. */
  decode(dec: Decoder): void {
    const tag = dec.getU8();
    if (tag > CallStackElementTag.StoredContract) {
      dec.fail(BytesReprError.Formatting);
      return;
    }
    this.tag = tag;
    if (tag != CallStackElementTag.StoredContract) this.accountHash.decode(dec);
    if (tag != CallStackElementTag.Session) {
      this.contractPackageHash.decode(dec);
      this.contractHash.decode(dec);
    }
  }

  /** CLType Any (21): the host sends call stacks as List(Any). */
  writeCLType(enc: Encoder): void {
    enc.putU8(21);
  }
}
