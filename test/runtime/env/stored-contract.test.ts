// Stored-contract deploys (StoredContractByHash / ByName, StoredVersionedContractByHash / ByName),
// path queries and dictionary reads through the test API, on the real Rust-built CEP-18 contract.
import { TestEnv } from '../../../runtime/env';
import { CLValue } from '../../../runtime/types/clvalue';
import { accountKey, encodeKey } from '../../../runtime/types/key';
import { loadCep18Wasm } from '../../helpers/cep18';

const NAME = 'StoredToken';

function install(env: TestEnv): void {
  const r = env.runSession({
    wasm: loadCep18Wasm(),
    args: [
      { name: 'name', value: CLValue.string(NAME) },
      { name: 'symbol', value: CLValue.string('STK') },
      { name: 'decimals', value: CLValue.u8(9) },
      { name: 'total_supply', value: CLValue.u256(1_000n) },
    ],
  });
  expect(r.error).toBeUndefined();
}

const balanceItem = (owner: Uint8Array) => Buffer.from(encodeKey(accountKey(owner))).toString('base64');

function transferArgs(to: Uint8Array, amount: bigint) {
  return [
    { name: 'recipient', value: CLValue.key(accountKey(to)) },
    { name: 'amount', value: CLValue.u256(amount) },
  ];
}

test('by named key, by hash, through the package by name and by hash (latest and version 1)', () => {
  const env = new TestEnv();
  install(env);
  const me = env.defaultAccountHash;
  const bob = new Uint8Array(32).fill(0xb0);
  const hashKeyAt = env.namedKeys().get(`cep18_contract_hash_${NAME}`)!;
  expect(hashKeyAt.tag).toBe(1);
  const contractHash = (hashKeyAt as { addr: Uint8Array }).addr;
  const packageHash = (env.namedKeys().get(`cep18_contract_package_${NAME}`) as { addr: Uint8Array }).addr;

  const runs = [
    env.runStoredContract({
      target: { name: `cep18_contract_hash_${NAME}` },
      entryPoint: 'transfer',
      args: transferArgs(bob, 1n),
    }),
    env.runStoredContract({ target: { contractHash }, entryPoint: 'transfer', args: transferArgs(bob, 2n) }),
    env.runStoredContract({
      target: { packageName: `cep18_contract_package_${NAME}` },
      entryPoint: 'transfer',
      args: transferArgs(bob, 3n),
    }),
    env.runStoredContract({ target: { packageHash, version: 1 }, entryPoint: 'transfer', args: transferArgs(bob, 4n) }),
  ];
  for (const r of runs) expect(r.error).toBeUndefined();

  // Read the balances back through a path query and the dictionary reader.
  const balances = env.queryPath(accountKey(me), [`cep18_contract_hash_${NAME}`, 'balances']);
  expect(balances?.tag).toBe(0);
  const contract = env.query(hashKeyAt);
  if (contract?.tag !== 3) throw new Error('no contract record');
  const balancesKey = contract.contract.namedKeys.get('balances');
  if (balancesKey?.tag !== 2) throw new Error('no balances dictionary');
  const seed = balancesKey.uref.addr;
  expect(env.dictionaryItem(seed, balanceItem(bob))?.asU256()).toEqual({ ok: true, value: 10n });
  expect(env.dictionaryItem(seed, balanceItem(me))?.asU256()).toEqual({ ok: true, value: 990n });
  expect(env.dictionaryItem(seed, balanceItem(new Uint8Array(32)))).toBeUndefined();
  expect(env.queryPath(accountKey(me), [`cep18_contract_hash_${NAME}`, 'no_such_key'])).toBeUndefined();
});

test('resolution errors are the node’s and change nothing', () => {
  const env = new TestEnv();
  install(env);
  const root = env.stateRoot();
  const packageHash = (env.namedKeys().get(`cep18_contract_package_${NAME}`) as { addr: Uint8Array }).addr;
  const cases: Array<[Parameters<TestEnv['runStoredContract']>[0], string]> = [
    [{ target: { name: 'missing' }, entryPoint: 'transfer' }, 'NamedKeyNotFound'],
    [{ target: { name: `cep18_contract_package_access_${NAME}` }, entryPoint: 'transfer' }, 'InvalidKeyVariant'],
    [{ target: { packageHash, version: 7 }, entryPoint: 'transfer' }, 'InvalidContractVersion'],
    [{ target: { packageHash }, entryPoint: 'no_such_entry_point' }, 'NoSuchMethod'],
  ];
  for (const [req, kind] of cases) {
    const r = env.runStoredContract(req);
    expect(r.error?.kind).toBe(kind);
  }
  expect(env.stateRoot()).toBe(root);
});
