/**
 * Genesis for a test environment: the system account, the four system contracts (records,
 * packages and the SystemContractRegistry), and funded accounts. Addresses come from a fixed
 * genesis address generator, so every fresh environment has the same state root.
 */

import type { ChainspecCosts } from '../costs';
import { AddressGenerator } from '../state/address-generator';
import type { GlobalState } from '../state/global-state';
import { TrackingCopy } from '../state/tracking-copy';
import { newAccount } from '../types/account';
import { CLTypes } from '../types/cltype';
import { CLValue } from '../types/clvalue';
import type { Contract, ContractPackage, ProtocolVersion } from '../types/contract';
import type { EntryPoints } from '../types/entry-points';
import { accountKey, hashKey, type Key, SYSTEM_CONTRACT_REGISTRY_KEY, urefKey } from '../types/key';
import { publicKeyAccountHash, publicKeyEquals, type PublicKey, SYSTEM_PUBLIC_KEY } from '../types/public-key';
import { storedCLValue } from '../types/stored-value';
import { AccessRights, newURef } from '../types/uref';
import type { SystemContracts } from '../engine/context';
import { installAuction, type GenesisValidator } from './auction/genesis';
import { createPurse } from './mint';

export type { GenesisValidator } from './auction/genesis';

/** Protocol version of the emulated node. */
export const PROTOCOL_VERSION: ProtocolVersion = { major: 1, minor: 5, patch: 6 };

/** Named key of handle payment's payment purse (casper-types `handle_payment::PAYMENT_PURSE_KEY`). */
export const PAYMENT_PURSE_KEY = 'payment_purse';

/** An account to create at genesis. */
export interface GenesisAccount {
  readonly publicKey: PublicKey;
  /** Main purse balance in motes. */
  readonly balance: bigint;
}

/** What genesis created. */
export interface GenesisResult {
  readonly system: SystemContracts;
  /** Account hash → main purse address, for every account created. */
  readonly mainPurses: ReadonlyMap<string, Uint8Array>;
}

/** Entry points of the system contracts, by contract (filled in by the system-contract modules). */
export type SystemEntryPoints = Readonly<Record<keyof SystemContracts, EntryPoints>>;

function installSystemContract(
  tc: TrackingCopy,
  rng: AddressGenerator,
  entryPoints: EntryPoints,
  namedKeys: Map<string, Key> = new Map(),
): Uint8Array {
  const packageHash = rng.newHashAddress();
  const contractHash = rng.newHashAddress();
  const wasmHash = rng.newHashAddress();
  const access = newURef(rng.createAddress(), AccessRights.READ_ADD_WRITE);
  const contract: Contract = {
    contractPackageHash: packageHash,
    contractWasmHash: wasmHash,
    namedKeys,
    entryPoints,
    protocolVersion: PROTOCOL_VERSION,
  };
  const pkg: ContractPackage = {
    accessKey: access,
    versions: [{ protocolVersionMajor: PROTOCOL_VERSION.major, contractVersion: 1, contractHash }],
    disabledVersions: [],
    groups: new Map(),
    locked: false,
  };
  tc.write(hashKey(wasmHash), { tag: 2, contractWasm: new Uint8Array(0) });
  tc.write(hashKey(contractHash), { tag: 3, contract });
  tc.write(hashKey(packageHash), { tag: 4, contractPackage: pkg });
  return contractHash;
}

/** What genesis is given. */
export interface GenesisConfig {
  /** Accounts to create (after the system account), in order. */
  readonly accounts: readonly GenesisAccount[];
  /** Chainspec in force (the auction's genesis reads `core`). */
  readonly costs: ChainspecCosts;
  /**
   * Validators bonded at genesis, in order: each gets a bonding purse and a locked Bid, and an
   * account (with `balance`, default 0) unless one of `accounts` has its key.
   */
  readonly validators?: readonly GenesisValidator[];
}

/** Writes genesis into `state` (which should be empty). */
export function runGenesis(state: GlobalState, config: GenesisConfig, entryPoints: SystemEntryPoints): GenesisResult {
  const { accounts } = config;
  const tc = new TrackingCopy(state);
  const rng = new AddressGenerator(new Uint8Array(32), 0);
  const system: SystemContracts = {
    mint: installSystemContract(tc, rng, entryPoints.mint),
    // handle_payment's `payment_purse` (genesis `create_handle_payment`): empty between deploys.
    handlePayment: installSystemContract(
      tc,
      rng,
      entryPoints.handlePayment,
      new Map([[PAYMENT_PURSE_KEY, urefKey(createPurse(tc, rng))]]),
    ),
    standardPayment: installSystemContract(tc, rng, entryPoints.standardPayment),
    auction: installSystemContract(tc, rng, entryPoints.auction),
  };
  tc.write(
    SYSTEM_CONTRACT_REGISTRY_KEY,
    storedCLValue(
      CLValue.map(CLTypes.String, CLTypes.ByteArray32, [
        ['auction', system.auction],
        ['handle_payment', system.handlePayment],
        ['mint', system.mint],
        ['standard_payment', system.standardPayment],
      ]),
    ),
  );
  const validators = config.validators ?? [];
  const validatorAccounts = validators
    .filter((v) => {
      const exists = accounts.some((a) => publicKeyEquals(a.publicKey, v.publicKey));
      if (exists && v.balance !== undefined) throw new Error('genesis: a validator with an account takes no balance');
      return !exists;
    })
    .map((v) => ({ publicKey: v.publicKey, balance: v.balance ?? 0n }));
  const mainPurses = new Map<string, Uint8Array>();
  for (const a of [{ publicKey: SYSTEM_PUBLIC_KEY, balance: 0n }, ...accounts, ...validatorAccounts]) {
    const hash = publicKeyAccountHash(a.publicKey);
    const purse = createPurse(tc, rng, a.balance);
    tc.write(accountKey(hash), { tag: 1, account: newAccount(hash, purse) });
    mainPurses.set(Buffer.from(hash).toString('hex'), purse.addr);
  }
  // The auction's state (create_auction): bonding purses, genesis bids, named keys.
  installAuction(tc, rng, system.auction, validators, config.costs);
  tc.commit();
  return { system, mainPurses };
}
