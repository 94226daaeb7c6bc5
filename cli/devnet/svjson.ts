/**
 * JSON of global-state records as node 1.5.6 returns them: `json_compatibility::StoredValue`
 * (`{"Account": {...}}`, `{"CLValue": {...}}`, `{"ContractPackage": {...}}`, …), and the
 * execution-effect transforms of `casper_types::ExecutionResult` (`"Identity"`,
 * `{"WriteCLValue": …}`, `{"AddUInt512": "…"}`, `{"AddKeys": [...]}`, …).
 */

import type { Account } from '../../runtime/types/account';
import type { Bid, EraInfo, UnbondingPurse, VestingSchedule, WithdrawPurse } from '../../runtime/types/auction';
import { bytesToHex, compareBytes, compareStringsUtf8 } from '../../runtime/types/bytes';
import type { Contract, ContractPackage } from '../../runtime/types/contract';
import { compareVersionKeys, protocolVersionToString } from '../../runtime/types/contract';
import type { EntryPoint } from '../../runtime/types/entry-points';
import { type Key, keyToFormattedString } from '../../runtime/types/key';
import { sortedNamedKeys } from '../../runtime/types/named-keys';
import { comparePublicKeys, publicKeyToHex } from '../../runtime/types/public-key';
import type { StoredValue } from '../../runtime/types/stored-value';
import { encodeStoredValue } from '../../runtime/types/stored-value';
import type { DeployInfo, Transfer } from '../../runtime/types/transfer';
import { compareURefs, urefToFormattedString } from '../../runtime/types/uref';
import { clTypeToJson, clValueToJson, num } from './cljson';
import type { JsonValue } from './json';

const accountHashStr = (h: Uint8Array) => `account-hash-${bytesToHex(h)}`;

function namedKeysJson(nk: ReadonlyMap<string, Key>): JsonValue {
  return sortedNamedKeys(nk).map(([name, key]) => ({ name, key: keyToFormattedString(key) }));
}

/** json_compatibility::Account. */
export function accountToJson(a: Account): JsonValue {
  return {
    account_hash: accountHashStr(a.accountHash),
    named_keys: namedKeysJson(a.namedKeys),
    main_purse: urefToFormattedString(a.mainPurse),
    associated_keys: [...a.associatedKeys]
      .sort((x, y) => compareBytes(x.accountHash, y.accountHash))
      .map((k) => ({ account_hash: accountHashStr(k.accountHash), weight: k.weight })),
    action_thresholds: { deployment: a.actionThresholds.deployment, key_management: a.actionThresholds.keyManagement },
  };
}

function entryPointJson(ep: EntryPoint): JsonValue {
  return {
    name: ep.name,
    args: ep.args.map((p) => ({ name: p.name, cl_type: clTypeToJson(p.clType) })),
    ret: clTypeToJson(ep.ret),
    access: ep.access.tag === 1 ? 'Public' : { Groups: [...ep.access.groups] },
    entry_point_type: ep.entryPointType === 0 ? 'Session' : 'Contract',
  };
}

/** json_compatibility::Contract. */
export function contractToJson(c: Contract): JsonValue {
  return {
    contract_package_hash: `contract-package-${bytesToHex(c.contractPackageHash)}`,
    contract_wasm_hash: `contract-wasm-${bytesToHex(c.contractWasmHash)}`,
    named_keys: namedKeysJson(c.namedKeys),
    entry_points: [...c.entryPoints.values()].sort((a, b) => compareStringsUtf8(a.name, b.name)).map(entryPointJson),
    protocol_version: protocolVersionToString(c.protocolVersion),
  };
}

/** json_compatibility::ContractPackage. */
export function contractPackageToJson(p: ContractPackage): JsonValue {
  return {
    access_key: urefToFormattedString(p.accessKey),
    versions: [...p.versions].sort(compareVersionKeys).map((v) => ({
      protocol_version_major: v.protocolVersionMajor,
      contract_version: v.contractVersion,
      contract_hash: `contract-${bytesToHex(v.contractHash)}`,
    })),
    disabled_versions: [...p.disabledVersions].sort(compareVersionKeys).map((v) => ({
      protocol_version_major: v.protocolVersionMajor,
      contract_version: v.contractVersion,
    })),
    groups: [...p.groups.entries()]
      .sort(([a], [b]) => compareStringsUtf8(a, b))
      .map(([group, keys]) => ({ group, keys: [...keys].sort(compareURefs).map(urefToFormattedString) })),
    lock_status: p.locked ? 'Locked' : 'Unlocked',
  };
}

/** casper_types::Transfer. */
export function transferToJson(t: Transfer): JsonValue {
  return {
    deploy_hash: bytesToHex(t.deployHash),
    from: accountHashStr(t.from),
    to: t.to ? accountHashStr(t.to) : null,
    source: urefToFormattedString(t.source),
    target: urefToFormattedString(t.target),
    amount: t.amount.toString(),
    gas: t.gas.toString(),
    id: t.id === null ? null : num(t.id),
  };
}

/** casper_types::DeployInfo. */
export function deployInfoToJson(d: DeployInfo): JsonValue {
  return {
    deploy_hash: bytesToHex(d.deployHash),
    transfers: d.transfers.map((t) => `transfer-${bytesToHex(t)}`),
    from: accountHashStr(d.from),
    source: urefToFormattedString(d.source),
    gas: d.gas.toString(),
  };
}

function vestingJson(v: VestingSchedule | null): JsonValue {
  if (!v) return null;
  return {
    initial_release_timestamp_millis: num(v.initialReleaseTimestampMillis),
    locked_amounts: v.lockedAmounts ? v.lockedAmounts.map((x) => x.toString()) : null,
  };
}

/** casper_types::system::auction::Bid. */
export function bidToJson(b: Bid): JsonValue {
  const delegators: Record<string, JsonValue> = {};
  for (const e of [...b.delegators].sort((x, y) => comparePublicKeys(x.publicKey, y.publicKey))) {
    const d = e.delegator;
    delegators[publicKeyToHex(e.publicKey)] = {
      delegator_public_key: publicKeyToHex(d.delegatorPublicKey),
      staked_amount: d.stakedAmount.toString(),
      bonding_purse: urefToFormattedString(d.bondingPurse),
      validator_public_key: publicKeyToHex(d.validatorPublicKey),
      vesting_schedule: vestingJson(d.vestingSchedule),
    };
  }
  return {
    validator_public_key: publicKeyToHex(b.validatorPublicKey),
    bonding_purse: urefToFormattedString(b.bondingPurse),
    staked_amount: b.stakedAmount.toString(),
    delegation_rate: b.delegationRate,
    vesting_schedule: vestingJson(b.vestingSchedule),
    delegators,
    inactive: b.inactive,
  };
}

function withdrawJson(w: WithdrawPurse): JsonValue {
  return {
    bonding_purse: urefToFormattedString(w.bondingPurse),
    validator_public_key: publicKeyToHex(w.validatorPublicKey),
    unbonder_public_key: publicKeyToHex(w.unbonderPublicKey),
    era_of_creation: num(w.eraOfCreation),
    amount: w.amount.toString(),
  };
}

function unbondingJson(u: UnbondingPurse): JsonValue {
  return {
    bonding_purse: urefToFormattedString(u.bondingPurse),
    validator_public_key: publicKeyToHex(u.validatorPublicKey),
    unbonder_public_key: publicKeyToHex(u.unbonderPublicKey),
    era_of_creation: num(u.eraOfCreation),
    amount: u.amount.toString(),
    new_validator: u.newValidator ? publicKeyToHex(u.newValidator) : null,
  };
}

/** casper_types::system::auction::EraInfo. */
export function eraInfoToJson(e: EraInfo): JsonValue {
  return {
    seigniorage_allocations: e.seigniorageAllocations.map(
      (a): JsonValue =>
        a.tag === 0
          ? { Validator: { validator_public_key: publicKeyToHex(a.validatorPublicKey), amount: a.amount.toString() } }
          : {
              Delegator: {
                delegator_public_key: publicKeyToHex(a.delegatorPublicKey),
                validator_public_key: publicKeyToHex(a.validatorPublicKey),
                amount: a.amount.toString(),
              },
            },
    ),
  };
}

/** json_compatibility::StoredValue (ContractWasm: hex of its bytesrepr, i.e. length prefix + module). */
export function storedValueToJson(v: StoredValue): JsonValue {
  switch (v.tag) {
    case 0:
      return { CLValue: clValueToJson(v.clValue) };
    case 1:
      return { Account: accountToJson(v.account) };
    case 2:
      return { ContractWasm: bytesToHex(encodeStoredValue(v).subarray(1)) };
    case 3:
      return { Contract: contractToJson(v.contract) };
    case 4:
      return { ContractPackage: contractPackageToJson(v.contractPackage) };
    case 5:
      return { Transfer: transferToJson(v.transfer) };
    case 6:
      return { DeployInfo: deployInfoToJson(v.deployInfo) };
    case 7:
      return { EraInfo: eraInfoToJson(v.eraInfo) };
    case 8:
      return { Bid: bidToJson(v.bid) };
    case 9:
      return { Withdraw: v.withdraw.map(withdrawJson) };
    case 10:
      return { Unbonding: v.unbonding.map(unbondingJson) };
  }
}

/** The `Transform` JSON of a Write of `v` (`Transform::from(StoredValue)`). */
export function writeTransformJson(v: StoredValue): JsonValue {
  switch (v.tag) {
    case 0:
      return { WriteCLValue: clValueToJson(v.clValue) };
    case 1:
      return { WriteAccount: accountHashStr(v.account.accountHash) };
    case 2:
      return 'WriteContractWasm';
    case 3:
      return 'WriteContract';
    case 4:
      return 'WriteContractPackage';
    case 5:
      return { WriteTransfer: transferToJson(v.transfer) };
    case 6:
      return { WriteDeployInfo: deployInfoToJson(v.deployInfo) };
    case 7:
      return { WriteEraInfo: eraInfoToJson(v.eraInfo) };
    case 8:
      return { WriteBid: bidToJson(v.bid) };
    case 9:
      return { WriteWithdraw: v.withdraw.map(withdrawJson) };
    case 10:
      return { WriteUnbonding: v.unbonding.map(unbondingJson) };
  }
}

/** `NamedKey` JSON list for AddKeys. */
export function addKeysJson(added: ReadonlyMap<string, Key>): JsonValue {
  return namedKeysJson(added);
}
