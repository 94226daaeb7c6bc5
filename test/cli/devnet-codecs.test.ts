/**
 * The devnet's codecs against the forms casper-node 1.5.6 reads and writes: humantime durations
 * and timestamps, checksummed hex, serde_json syntax errors, CLValue `parsed`, formatted keys,
 * deploy JSON (serde errors, hashes against casper-js-sdk) and block hashes.
 */

import {
  Args,
  CLValue as SdkCLValue,
  Deploy,
  DeployHeader,
  ExecutableDeployItem,
  KeyAlgorithm,
  PrivateKey,
} from 'casper-js-sdk';
import { clTypeFromJson, clTypeToJson, clValueToJson, parseKey, parseURef } from '../../cli/devnet/cljson';
import {
  bodyBytes,
  deploySerializedLength,
  headerBytes,
  parseDeployJson,
  validityFailure,
} from '../../cli/devnet/deploy';
import { checksummedHex, decodeHex } from '../../cli/devnet/hex';
import { formatDuration, formatTimestamp, parseDuration, parseTimestamp } from '../../cli/devnet/humantime';
import { type JsonValue, parseJson, stringifyJson } from '../../cli/devnet/json';
import { blake2b256 } from '../../runtime/types/blake2b';
import { CLTypes, mapType, optionType, resultType, tuple2Type } from '../../runtime/types/cltype';
import { CLValue } from '../../runtime/types/clvalue';
import { keyToFormattedString } from '../../runtime/types/key';

/** The `parsed` member of a CLValue's JSON. */
const parsed = (v: CLValue): JsonValue => (clValueToJson(v) as { parsed: JsonValue }).parsed;

describe('humantime', () => {
  test('format_duration', () => {
    expect(formatDuration(0n)).toBe('0s');
    expect(formatDuration(1_800_000n)).toBe('30m');
    expect(formatDuration(7_200_000n)).toBe('2h');
    expect(formatDuration(90_061_001n)).toBe('1day 1h 1m 1s 1ms');
    expect(formatDuration(2n * 86_400_000n)).toBe('2days');
  });

  test('parse_duration', () => {
    expect(parseDuration('30m')).toBe(1_800_000n);
    expect(parseDuration('30min')).toBe(1_800_000n);
    expect(parseDuration('1h 30m')).toBe(5_400_000n);
    expect(parseDuration('1day')).toBe(86_400_000n);
    expect(parseDuration('1500ms')).toBe(1500n);
    expect(parseDuration('')).toEqual({ error: 'value was empty' });
    expect(parseDuration('10')).toEqual({
      error:
        'unknown time unit "", supported units: ns, us, ms, sec, min, hours, days, weeks, months, years (and few variations)',
    });
    expect(parseDuration('x')).toEqual({ error: 'expected number at 0' });
  });

  test('RFC 3339 timestamps', () => {
    expect(parseTimestamp('2021-03-04T12:00:00.123Z')).toBe(BigInt(Date.UTC(2021, 2, 4, 12, 0, 0, 123)));
    expect(parseTimestamp('2021-03-04 12:00:00')).toBe(BigInt(Date.UTC(2021, 2, 4, 12)));
    expect(parseTimestamp('yesterday')).toEqual({ error: 'timestamp format is invalid' });
    expect(formatTimestamp(BigInt(Date.UTC(2021, 2, 4, 12)))).toBe('2021-03-04T12:00:00.000Z');
  });
});

describe('checksummed hex', () => {
  test('same-case hex is taken as is; mixed case must carry the checksum', () => {
    const bytes = Uint8Array.from([0xab, 0xcd, 0xef, 0x01]);
    expect(decodeHex('abcdef01')).toEqual(bytes);
    expect(decodeHex('ABCDEF01')).toEqual(bytes);
    expect(decodeHex(checksummedHex(bytes))).toEqual(bytes);
    const good = checksummedHex(bytes);
    const at = good.search(/[a-fA-F]/);
    const flip = good[at] === good[at].toLowerCase() ? good[at].toUpperCase() : good[at].toLowerCase();
    const wrong = good.slice(0, at) + flip + good.slice(at + 1);
    expect(/[a-f]/.test(wrong) && /[A-F]/.test(wrong)).toBe(true);
    expect(decodeHex(wrong)).toEqual({ error: `Invalid byte \`b'${good[at]}'\`, at index ${at}.` });
    expect(decodeHex('abc')).toEqual({ error: 'Base16 data cannot have length 3 (must be even)' });
    expect(decodeHex('zz')).toEqual({ error: "Invalid byte `b'z'`, at index 0." });
  });

  test('casper-js-sdk checksummed public keys decode', async () => {
    const key = await PrivateKey.fromHex('05'.repeat(32), KeyAlgorithm.ED25519);
    const raw = decodeHex(key.publicKey.toHex().slice(2));
    expect(decodeHex(checksummedHex(raw as Uint8Array))).toEqual(raw);
  });
});

describe('JSON', () => {
  test('u64 beyond 2^53 keeps its value both ways', () => {
    const v = parseJson('{"id":18446744073709551615,"x":[1,2.5,"s",null,true]}');
    expect(v).toEqual({ id: 18446744073709551615n, x: [1, 2.5, 's', null, true] });
    expect(stringifyJson(v)).toBe('{"id":18446744073709551615,"x":[1,2.5,"s",null,true]}');
  });

  test('serde_json syntax errors', () => {
    const err = (s: string) => {
      try {
        parseJson(s);
      } catch (e) {
        return (e as Error).message;
      }
      return 'parsed';
    };
    expect(err('')).toBe('EOF while parsing a value at line 1 column 0');
    expect(err('{')).toBe('EOF while parsing an object at line 1 column 1');
    expect(err('x')).toBe('expected value at line 1 column 1');
    expect(err('{} x')).toBe('trailing characters at line 1 column 4');
    expect(err('{"a" 1}')).toBe('expected `:` at line 1 column 6');
    expect(err('[1 2]')).toBe('expected `,` or `]` at line 1 column 4');
  });
});

describe('CLType and CLValue JSON', () => {
  test('CLType JSON both ways', () => {
    const t = mapType(CLTypes.String, resultType(optionType(CLTypes.U8), tuple2Type(CLTypes.Key, CLTypes.ByteArray32)));
    const json = clTypeToJson(t);
    expect(json).toEqual({
      Map: { key: 'String', value: { Result: { ok: { Option: 'U8' }, err: { Tuple2: ['Key', { ByteArray: 32 }] } } } },
    });
    expect(clTypeFromJson(json)).toEqual(t);
    expect(clTypeFromJson('U1024')).toEqual({
      error:
        'unknown variant `U1024`, expected one of `Bool`, `I32`, `I64`, `U8`, `U32`, `U64`, `U128`, `U256`, `U512`, `Unit`, `String`, `Key`, `URef`, `PublicKey`, `Option`, `List`, `ByteArray`, `Result`, `Map`, `Tuple1`, `Tuple2`, `Tuple3`, `Any`',
    });
  });

  test('parsed, as jsonrepr.rs writes it', () => {
    const acct = new Uint8Array(32).fill(1);
    expect(clValueToJson(CLValue.u512(10n ** 20n))).toEqual({
      cl_type: 'U512',
      bytes: '09000010632d5ec76b05',
      parsed: '100000000000000000000',
    });
    expect(parsed(CLValue.u64(2n ** 60n))).toBe(2n ** 60n);
    expect(parsed(CLValue.key({ tag: 0, addr: acct }))).toEqual({
      Account: `account-hash-${'01'.repeat(32)}`,
    });
    expect(parsed(CLValue.option(null, CLTypes.U8))).toBe(null);
    expect(parsed(CLValue.unit())).toBe(null);
    expect(parsed(CLValue.any(Uint8Array.of(1)))).toBe(null);
    expect(parsed(CLValue.map(CLTypes.String, CLTypes.U8, [['a', 1]]))).toEqual([{ key: 'a', value: 1 }]);
    expect(parsed(new CLValue(CLTypes.U8, Uint8Array.of(1, 2)))).toBe(null); // leftover bytes
  });

  test('formatted keys', () => {
    const h = 'ab'.repeat(32);
    for (const s of [
      `account-hash-${h}`,
      `hash-${h}`,
      `uref-${h}-007`,
      `transfer-${h}`,
      `deploy-${h}`,
      'era-42',
      `balance-${h}`,
      `bid-${h}`,
      `withdraw-${h}`,
      `dictionary-${h}`,
      `unbond-${h}`,
      `era-summary-${'00'.repeat(32)}`,
      `system-contract-registry-${'00'.repeat(32)}`,
    ]) {
      const k = parseKey(s);
      expect('error' in k ? k.error : keyToFormattedString(k)).toBe(s);
    }
    expect(parseKey('nope')).toEqual({ error: 'unknown prefix for key' });
    expect(parseKey(`hash-${h.slice(2)}`)).toEqual({
      error: 'hash-key from string error: could not convert slice to array',
    });
    expect(parseURef(`uref-${h}-010`)).toEqual({ error: 'invalid access rights' });
  });
});

describe('deploy JSON', () => {
  async function sdkDeploy(): Promise<{ deploy: Deploy; json: any }> {
    const key = await PrivateKey.fromHex('07'.repeat(32), KeyAlgorithm.SECP256K1);
    const header = DeployHeader.default();
    header.account = key.publicKey;
    header.chainName = 'casper-net-1';
    const deploy = Deploy.makeDeploy(
      header,
      ExecutableDeployItem.standardPayment('2500000000'),
      ExecutableDeployItem.newModuleBytes(
        Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0),
        Args.fromMap({ x: SdkCLValue.newCLUInt32(7) }),
      ),
    );
    deploy.sign(key);
    return { deploy, json: Deploy.toJSON(deploy) };
  }

  test('body hash, deploy hash and size agree with casper-js-sdk; secp256k1 approvals verify', async () => {
    const { deploy, json } = await sdkDeploy();
    const d = parseDeployJson(json);
    if ('error' in d) throw new Error(d.error);
    expect(Buffer.from(blake2b256(bodyBytes(d.payment, d.session))).toString('hex')).toBe(
      deploy.header.bodyHash!.toHex(),
    );
    expect(Buffer.from(blake2b256(headerBytes(d.header))).toString('hex')).toBe(deploy.hash.toHex());
    expect(deploySerializedLength(d)).toBe(deploy.toBytes().length);
    expect(validityFailure(d)).toBeUndefined();
  });

  test('serde errors name the field', async () => {
    const { json } = await sdkDeploy();
    const missing = { ...json, header: { ...json.header } };
    delete missing.header.chain_name;
    expect(parseDeployJson(missing)).toEqual({ error: 'missing field `chain_name`' });
    expect(parseDeployJson({ ...json, extra: 1 })).toEqual({
      error: 'unknown field `extra`, expected one of `hash`, `header`, `payment`, `session`, `approvals`',
    });
    expect(parseDeployJson({ ...json, header: { ...json.header, ttl: '5 parsecs' } })).toEqual({
      error:
        'unknown time unit "parsecs", supported units: ns, us, ms, sec, min, hours, days, weeks, months, years (and few variations)',
    });
    expect(parseDeployJson({ ...json, session: { Nope: {} } })).toEqual({
      error:
        'unknown variant `Nope`, expected one of `ModuleBytes`, `StoredContractByHash`, `StoredContractByName`, `StoredVersionedContractByHash`, `StoredVersionedContractByName`, `Transfer`',
    });
  });

  test('a tampered body or header fails is_valid with the node text', async () => {
    const { json } = await sdkDeploy();
    const d = parseDeployJson(json);
    if ('error' in d) throw new Error(d.error);
    const badBody = { ...d, payment: { ...d.payment, args: [] } } as typeof d;
    expect(validityFailure(badBody)?.message).toBe('the provided body hash does not match the actual hash of the body');
    const badHash = { ...d, hash: new Uint8Array(32) } as typeof d;
    expect(validityFailure(badHash)?.message).toBe('the provided hash does not match the actual hash of the deploy');
    expect(validityFailure({ ...d, approvals: [] })?.message).toBe('the deploy has no approvals');
  });
});
