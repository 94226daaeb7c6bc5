// make-deploy / sign-deploy: deploys as casper-client writes them, verified with casper-js-sdk
// (hash, body hash, approvals), hashed independently with casper-types' byte layout, round-tripped
// through casper-js-sdk's JSON; every bad input is one line, exit code 2, and writes nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Deploy, KeyAlgorithm, PrivateKey, TransactionV1 } from 'casper-js-sdk';
import { ed25519 } from '@noble/curves/ed25519';
import { blake2b256 } from '../../runtime/types/blake2b';
import { Writer } from '../../runtime/types/bytesrepr';
import {
  CASPER_CLIENT_SAMPLE_DEPLOY,
  CASPER_CLIENT_TEST_PEM,
  CASPER_CLIENT_TEST_PUBLIC_KEY,
  cli,
  EMPTY_SESSION,
  FLOAT_SESSION,
  tempDir,
} from './helpers';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const TARGET = `account-hash-${'11'.repeat(32)}`;

let dir: string;
let cleanup: () => void;
let key: string;
let session: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  key = join(dir, 'secret_key.pem');
  writeFileSync(key, CASPER_CLIENT_TEST_PEM);
  session = join(dir, 'session.wasm');
  writeFileSync(session, EMPTY_SESSION);
});
afterEach(() => cleanup());

/** make-deploy's command line; `over` replaces (or with null, drops) a flag's value. */
function makeArgs(out: string, over: Record<string, string | null> = {}, ...extra: string[]): string[] {
  const flags: Record<string, string | string[] | null> = {
    '--chain-name': 'casper-net-1',
    '--session-path': session,
    '--payment-amount': '2500000000',
    '--secret-key': key,
    '--timestamp': '2024-01-02T03:04:05.678Z',
    '--session-arg': [`target:account_hash='${TARGET}'`, "amount:u512='1000000000'", "memo:string='héllo'"],
    '--output': out,
    ...over,
  };
  const argv = ['make-deploy'];
  for (const [flag, v] of Object.entries(flags)) {
    if (v === null) continue;
    for (const x of Array.isArray(v) ? v : [v]) argv.push(flag, x);
  }
  return [...argv, ...extra];
}

/** casper-types' bytes of the ModuleBytes items and header, hashed as the node hashes a deploy. */
function expectedHashes(ttlMs: bigint, gasPrice: bigint) {
  const payment = new Writer(64);
  payment.u8(0).bytes(new Uint8Array(0)).u32(1).string('amount');
  payment.bytes(Buffer.from('0400f90295', 'hex')).u8(8);
  const sess = new Writer(256);
  sess.u8(0).bytes(EMPTY_SESSION).u32(3);
  sess
    .string('target')
    .bytes(Buffer.from('11'.repeat(32), 'hex'))
    .raw(Buffer.from('0f20000000', 'hex'));
  sess.string('amount').bytes(Buffer.from('0400ca9a3b', 'hex')).u8(8);
  sess.string('memo').bytes(Buffer.from('0600000068c3a96c6c6f', 'hex')).u8(10);
  const bodyHash = blake2b256(payment.finish(), sess.finish());
  const header = new Writer(128);
  header.raw(Buffer.from(CASPER_CLIENT_TEST_PUBLIC_KEY, 'hex'));
  header
    .u64(BigInt(Date.parse('2024-01-02T03:04:05.678Z')))
    .u64(ttlMs)
    .u64(gasPrice)
    .raw(bodyHash)
    .u32(0)
    .string('casper-net-1');
  return { bodyHash: hex(bodyHash), hash: blake2b256(header.finish()) };
}

describe('make-deploy', () => {
  test('writes the deploy as casper-client does; casper-js-sdk verifies it; the hash is casper-types’', async () => {
    const out = join(dir, 'deploy.json');
    const r = await cli(...makeArgs(out));
    expect(r).toEqual({ code: 0, out: `Wrote the deploy to ${out}\n`, err: '' });
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('}')).toBe(true); // to_string_pretty: no trailing newline
    const { bodyHash, hash } = expectedHashes(1_800_000n, 1n);
    const secret = Buffer.from(CASPER_CLIENT_TEST_PEM.split('\n')[1], 'base64').subarray(16); // PKCS#8 prefix, then the key
    const signature = `01${hex(ed25519.sign(hash, secret))}`;
    expect(JSON.parse(text)).toEqual({
      hash: hex(hash),
      header: {
        account: CASPER_CLIENT_TEST_PUBLIC_KEY,
        timestamp: '2024-01-02T03:04:05.678Z',
        ttl: '30m',
        gas_price: 1,
        body_hash: bodyHash,
        dependencies: [],
        chain_name: 'casper-net-1',
      },
      payment: {
        ModuleBytes: {
          module_bytes: '',
          args: [['amount', { cl_type: 'U512', bytes: '0400f90295', parsed: '2500000000' }]],
        },
      },
      session: {
        ModuleBytes: {
          module_bytes: hex(EMPTY_SESSION),
          args: [
            ['target', { cl_type: { ByteArray: 32 }, bytes: '11'.repeat(32), parsed: '11'.repeat(32) }],
            ['amount', { cl_type: 'U512', bytes: '0400ca9a3b', parsed: '1000000000' }],
            ['memo', { cl_type: 'String', bytes: '0600000068c3a96c6c6f', parsed: 'héllo' }],
          ],
        },
      },
      approvals: [{ signer: CASPER_CLIENT_TEST_PUBLIC_KEY, signature }],
    });
    // Member order is casper-types' (serde derive order), two-space indented.
    expect(text.split('\n').slice(0, 4)).toEqual([
      '{',
      `  "hash": "${hex(hash)}",`,
      '  "header": {',
      `    "account": "${CASPER_CLIENT_TEST_PUBLIC_KEY}",`,
    ]);
    // casper-js-sdk: hash, body hash and the approval verify; its JSON round-trips to the same deploy.
    const sdk = Deploy.fromJSON(JSON.parse(text));
    expect(sdk.validate()).toBe(true);
    expect(sdk.hash.toHex()).toBe(hex(hash));
    const again = Deploy.fromJSON(JSON.parse(JSON.stringify(Deploy.toJSON(sdk))));
    expect(hex(again.toBytes())).toBe(hex(sdk.toBytes()));
  });

  test('to stdout when there is no --output; --ttl and --gas-price as casper-client reads them', async () => {
    const r = await cli(...makeArgs('', { '--output': null, '--ttl': '1h 30min', '--gas-price': '3' }));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.endsWith('}\n')).toBe(true);
    const json = JSON.parse(r.out);
    expect(json.header.ttl).toBe('1h 30m');
    expect(json.header.gas_price).toBe(3);
    expect(json.hash).toBe(hex(expectedHashes(5_400_000n, 3n).hash));
    expect(Deploy.fromJSON(json).validate()).toBe(true);
  });

  test('unsigned with --session-account (a public_key_hex file), then sign-deploy with the key', async () => {
    const pkFile = join(dir, 'public_key_hex');
    writeFileSync(pkFile, CASPER_CLIENT_TEST_PUBLIC_KEY);
    const out = join(dir, 'unsigned.json');
    expect((await cli(...makeArgs(out, { '--secret-key': null, '--session-account': pkFile }))).code).toBe(0);
    const unsigned = JSON.parse(readFileSync(out, 'utf8'));
    expect(unsigned.approvals).toEqual([]);
    const signedPath = join(dir, 'signed.json');
    expect(await cli('sign-deploy', '-i', out, '-k', key, '-o', signedPath)).toEqual({
      code: 0,
      out: `Signed the deploy at ${out} and wrote to ${signedPath}\n`,
      err: '',
    });
    const signed = JSON.parse(readFileSync(signedPath, 'utf8'));
    expect({ ...signed, approvals: [] }).toEqual(unsigned);
    expect(signed.hash).toBe(hex(expectedHashes(1_800_000n, 1n).hash));
    expect(Deploy.fromJSON(signed).approvals).toHaveLength(1);
  });

  test('--transaction: a TransactionV1 session that casper-js-sdk verifies and signs', async () => {
    const out = join(dir, 'tx.json');
    const r = await cli(...makeArgs(out, {}, '--transaction'));
    expect(r).toEqual({ code: 0, out: `Wrote the transaction to ${out}\n`, err: '' });
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.payload.ttl).toBe('30m');
    expect(json.payload.chain_name).toBe('casper-net-1');
    expect(json.payload.fields.target.Session.module_bytes).toBe(hex(EMPTY_SESSION));
    const tx = TransactionV1.fromJSON(json);
    expect(tx.approvals.map((a) => a.signer.toHex())).toEqual([CASPER_CLIENT_TEST_PUBLIC_KEY]);
    const keys = join(dir, 'k2');
    expect((await cli('keygen', keys, '--algorithm', 'secp256k1')).code).toBe(0);
    expect((await cli('sign-deploy', '-i', out, '-k', join(keys, 'secret_key.pem'), '-o', out, '-f')).code).toBe(0);
    const twice = TransactionV1.fromJSON(JSON.parse(readFileSync(out, 'utf8')));
    expect(twice.approvals.map((a) => a.signer.toHex())).toEqual([
      CASPER_CLIENT_TEST_PUBLIC_KEY,
      readFileSync(join(keys, 'public_key_hex'), 'utf8'),
    ]);
    expect(twice.hash.toHex()).toBe(tx.hash.toHex());
  });
});

describe('sign-deploy on a deploy casper-client wrote', () => {
  test('appends the approval (casper-client keeps approvals in signing order) and changes nothing else', async () => {
    const input = join(dir, 'sample.json');
    writeFileSync(input, CASPER_CLIENT_SAMPLE_DEPLOY);
    const keys = join(dir, 'keys');
    expect((await cli('keygen', keys)).code).toBe(0);
    const r = await cli('sign-deploy', '--input', input, '--secret-key', join(keys, 'secret_key.pem'));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const before = JSON.parse(CASPER_CLIENT_SAMPLE_DEPLOY);
    const after = JSON.parse(r.out);
    expect({ ...after, approvals: before.approvals }).toEqual(before);
    expect(after.approvals.slice(0, 2)).toEqual(before.approvals);
    expect(after.approvals[2].signer).toBe(readFileSync(join(keys, 'public_key_hex'), 'utf8'));
    // Unchanged text apart from the new approval: casper-client's layout is kept.
    expect(r.out.slice(0, CASPER_CLIENT_SAMPLE_DEPLOY.lastIndexOf('    }\n  ]'))).toBe(
      CASPER_CLIENT_SAMPLE_DEPLOY.slice(0, CASPER_CLIENT_SAMPLE_DEPLOY.lastIndexOf('    }\n  ]')),
    );
    const sdk = Deploy.fromJSON(after);
    expect(sdk.approvals).toHaveLength(3);
    expect(sdk.hash.toHex()).toBe('1053f767f1734e3b5b31253ea680778ac53f134f7c24518bf2c4cbb204852617');
  });
});

describe('bad input: one line, exit code 2, no file written', () => {
  const out = () => join(dir, 'out.json');
  const expectNothingWritten = () => expect(existsSync(out())).toBe(false);

  test.each<[string, (d: string) => Record<string, string>, (d: string) => string]>([
    [
      'a missing key file',
      (d) => ({ '--secret-key': join(d, 'nope.pem') }),
      (d) => `--secret-key ${join(d, 'nope.pem')}: no such file`,
    ],
    [
      'a key file that is not PEM',
      (d) => {
        writeFileSync(join(d, 'bad.pem'), 'hello');
        return { '--secret-key': join(d, 'bad.pem') };
      },
      (d) =>
        `--secret-key ${join(d, 'bad.pem')}: not a PEM secret key: malformed framing (no -----BEGIN …----- / -----END …----- block)`,
    ],
    [
      'a PEM whose key bytes are not a key',
      (d) => {
        writeFileSync(
          join(d, 'short.pem'),
          '-----BEGIN PRIVATE KEY-----\nMCwCAQAwBQYDK2VwBCAEHgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==\n-----END PRIVATE KEY-----\n',
        );
        return { '--secret-key': join(d, 'short.pem') };
      },
      (d) =>
        `--secret-key ${join(d, 'short.pem')}: not an Ed25519 or secp256k1 secret key: an Ed25519 secret key is 32 bytes, got 30`,
    ],
    [
      'an Ed25519 key under the secp256k1 PEM tag',
      (d) => {
        writeFileSync(join(d, 'tag.pem'), CASPER_CLIENT_TEST_PEM.replace(/PRIVATE KEY/g, 'EC PRIVATE KEY'));
        return { '--secret-key': join(d, 'tag.pem') };
      },
      (d) => `--secret-key ${join(d, 'tag.pem')}: invalid PEM tag: expected PRIVATE KEY, got EC PRIVATE KEY`,
    ],
    [
      'a public key given as the secret key',
      (d) => {
        writeFileSync(
          join(d, 'pub.pem'),
          '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA9gvOK7EFnEGRDqweful+w+9Mj8xjqQHrlgPBUkyt+ww=\n-----END PUBLIC KEY-----\n',
        );
        return { '--secret-key': join(d, 'pub.pem') };
      },
      (d) => `--secret-key ${join(d, 'pub.pem')}: this is a public key (PUBLIC KEY), not a secret key`,
    ],
    [
      'a payment amount that is not a number',
      () => ({ '--payment-amount': '2.5e9' }),
      () => "--payment-amount '2.5e9' is not an amount of motes: '.' is not a digit",
    ],
    [
      'a ttl humantime cannot read',
      () => ({ '--ttl': '30 minz' }),
      () =>
        `failed to parse '--ttl' value '30 minz' as a time diff: unknown time unit "minz", supported units: ns, us, ms, sec, min, hours, days, weeks, months, years (and few variations)`,
    ],
    [
      'a bad timestamp',
      () => ({ '--timestamp': 'yesterday' }),
      () => "failed to parse '--timestamp' value 'yesterday' as a timestamp: timestamp format is invalid",
    ],
    [
      'a bad gas price',
      () => ({ '--gas-price': 'x' }),
      () => "failed to parse '--gas-price' value 'x' as an integer: invalid digit found in string",
    ],
    [
      'a malformed session arg',
      () => ({ '--session-arg': 'amount:u512=5' }),
      () =>
        `--session-arg "amount:u512=5": value should be surrounded by single quotes ('VALUE') unless it is null for an opt_ type (at character 13 '5')`,
    ],
    ['an unknown flag', () => ({ '--sesion-arg': 'x' }), () => "unexpected argument '--sesion-arg' found"],
    [
      'a Wasm the node would reject',
      (d) => {
        writeFileSync(join(d, 'float.wasm'), FLOAT_SESSION);
        return { '--session-path': join(d, 'float.wasm') };
      },
      (d) =>
        `${join(d, 'float.wasm')}: the node would reject this Wasm: OperationForbiddenByGasRules (function 0, offset 0x26): Wasm preprocessing error: Encountered operation forbidden by gas rules. Consult instruction -> metering config map [function 0 is float_fn]`,
    ],
    [
      'a missing session file',
      (d) => ({ '--session-path': join(d, 'none.wasm') }),
      (d) => `${join(d, 'none.wasm')}: no such file`,
    ],
  ])('%s', async (_what, over, message) => {
    const r = await cli(...makeArgs(out(), over(dir)));
    expect(r).toEqual({ code: 2, out: '', err: `casper-as: ${message(dir)}\n` });
    expectNothingWritten();
  });

  test('an existing output file is kept unless --force', async () => {
    writeFileSync(out(), 'keep me');
    expect(await cli(...makeArgs(out()))).toEqual({
      code: 2,
      out: '',
      err: `casper-as: file at ${out()} already exists\n`,
    });
    expect(readFileSync(out(), 'utf8')).toBe('keep me');
    expect((await cli(...makeArgs(out(), {}, '--force'))).code).toBe(0);
    expect(JSON.parse(readFileSync(out(), 'utf8')).header.chain_name).toBe('casper-net-1');
  });

  test('sign-deploy refuses a deploy whose contents no longer match its hash, and malformed JSON', async () => {
    const tampered = join(dir, 'tampered.json');
    writeFileSync(
      tampered,
      CASPER_CLIENT_SAMPLE_DEPLOY.replace('"chain_name": "casper-test-chain-name-1"', '"chain_name": "casper"'),
    );
    expect(await cli('sign-deploy', '-i', tampered, '-k', key, '-o', out())).toEqual({
      code: 2,
      out: '',
      err: `casper-as: --input ${tampered}: the hash does not match the contents (the file was changed after it was made)\n`,
    });
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"hash": "00",');
    expect(await cli('sign-deploy', '-i', broken, '-k', key, '-o', out())).toEqual({
      code: 2,
      out: '',
      err: `casper-as: --input ${broken}: failed to decode from json: reading deploy: EOF while parsing an object at line 1 column 15\n`,
    });
    expectNothingWritten();
  });

  test('a secp256k1 key written by keygen signs; the approval verifies', async () => {
    const keys = join(dir, 'secp');
    expect(await cli('keygen', keys, '-a', 'secp256k1')).toEqual({ code: 0, out: `Wrote files to ${keys}\n`, err: '' });
    const r = await cli(...makeArgs(out(), { '--secret-key': join(keys, 'secret_key.pem') }));
    expect(r.code).toBe(0);
    const d = Deploy.fromJSON(JSON.parse(readFileSync(out(), 'utf8')));
    expect(d.header.account!.toHex()).toBe(readFileSync(join(keys, 'public_key_hex'), 'utf8'));
    expect(d.approvals[0].signature.bytes[0]).toBe(2);
    expect(d.validate()).toBe(true);
    // The same key through casper-js-sdk's own PEM reader.
    const sdkKey = PrivateKey.fromPem(readFileSync(join(keys, 'secret_key.pem'), 'utf8'), KeyAlgorithm.SECP256K1);
    expect(sdkKey.publicKey.toHex()).toBe(d.header.account!.toHex());
  });
});
