/** `casper_ret` ends the invocation successfully; the executor catches this and returns. */
export class ReturnSignal {
  /** Marker so a thrown ReturnSignal is recognisable across realms. */
  readonly isReturnSignal = true;
}
