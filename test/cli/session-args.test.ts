// --session-arg / --session-args-json: casper-client's grammar (lib/cli/simple_args.rs,
// lib/cli/json_args.rs), casper-types bytes, and one-line errors that point at the character.
import { CLValueParser } from 'casper-js-sdk';
import { CliError } from '../../cli/errors';
import { parseSessionArg, parseSessionArgs } from '../../cli/session-args';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
/** CLValue bytes as casper-types serializes a CLValue: u32 length, value bytes, CLType bytes. */
const withType = (s: string) => {
  const a = parseSessionArg(s);
  return { name: a.name, bytes: hex(CLValueParser.toBytesWithType(a.value)) };
};
const A32 = '01'.repeat(32);
const U32 = '02'.repeat(32);
const PK = '0119bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1';

function errorOf(f: () => unknown): { message: string; exitCode: number } {
  try {
    f();
  } catch (e) {
    if (e instanceof CliError) return { message: e.message, exitCode: e.exitCode };
    throw e;
  }
  throw new Error('expected a CliError');
}

describe('simple types: bytes as casper-types writes them', () => {
  test.each([
    ["x:bool='true'", '010000000100'],
    ["x:Bool='F'", '010000000000'],
    ["x:i32='-2147483648'", '040000000000008001'],
    ["x:i64='9223372036854775807'", '08000000ffffffffffffff7f02'],
    ["x:u8='255'", '01000000ff03'],
    ["x:u32='+4294967295'", '04000000ffffffff04'],
    ["x:u64='18446744073709551615'", '08000000ffffffffffffffff05'],
    ["x:u128='340282366920938463463374607431768211455'", `1100000010${'ff'.repeat(16)}06`],
    ["x:u256='0'", '010000000007'],
    ["x:U512='1000000000'", '050000000400ca9a3b08'],
    ["x:unit=''", '0000000009'],
    ["x:string='test \"string'", '100000000c000000746573742022737472696e670a'],
    ["x:string='hé'", '070000000300000068c3a90a'],
    [`x:key='account-hash-${A32}'`, `2100000000${A32}0b`],
    [`x:key='hash-${A32}'`, `2100000001${A32}0b`],
    [`x:key='uref-${U32}-007'`, `2200000002${U32}070b`],
    ["x:key='era-5'", '090000000505000000000000000b'],
    [`x:account_hash='account-hash-${A32}'`, `20000000${A32}0f20000000`],
    [`x:uref='uref-${U32}-005'`, `21000000${U32}050c`],
    [`x:public_key='${PK}'`, `21000000${PK}16`],
    ["x:byte_list='0102'", '060000000200000001020e03'],
    ["x:byte_array_3='0A0b0C'", '030000000a0b0c0f03000000'],
    ["x:byte_array_0=''", '000000000f00000000'],
    ["x:opt_u8='7'", '0200000001070d03'],
    ['x:opt_string=null', '01000000000d0a'],
    ['x:OPT_BYTE_ARRAY_2=NULL', '01000000000d0f02000000'],
    ["x:opt_string='null'", '0900000001040000006e756c6c0d0a'],
    ["x:opt_unit=''", '01000000010d09'],
  ])('%s', (arg, expected) => {
    expect(withType(arg)).toEqual({ name: 'x', bytes: expected });
  });

  test("the value is whatever trim_matches('\\'') leaves, and splitn(3, [':', '=']) takes the first separators", () => {
    expect(withType("x:string=''a''")).toEqual({ name: 'x', bytes: '050000000100000061' + '0a' });
    expect(withType("y=u8:'9'")).toEqual({ name: 'y', bytes: '010000000903' });
    expect(withType("z:string='a=b:c'")).toEqual({ name: 'z', bytes: '0900000005000000613d623a630a' });
  });

  test('mixed-case hex must carry casper-types’ checksum (checksummed_hex::decode)', () => {
    const checksummed = 'AbABaBabAbABabaBaBaBAbABabAbABaBCdCDCDCdcdCdcDCDcDCdCDCdcDcdcdCd';
    const bytes = 'ab'.repeat(16) + 'cd'.repeat(16);
    expect(withType(`x:key='hash-${checksummed}'`)).toEqual({ name: 'x', bytes: `2100000001${bytes}0b` });
    expect(withType(`x:key='hash-${bytes.toUpperCase()}'`)).toEqual({ name: 'x', bytes: `2100000001${bytes}0b` });
    const wrong = `a${checksummed.slice(1)}`;
    expect(errorOf(() => parseSessionArg(`x:key='hash-${wrong}'`))).toEqual({
      message: `--session-arg "x:key='hash-${wrong}'": can't parse 'hash-${wrong}' as Key: mixed-case hex with an invalid checksum (at character 13 'a')`,
      exitCode: 2,
    });
  });

  test('args keep their order; a name given twice is refused', () => {
    const args = parseSessionArgs(["b:u8='1'", "a:u8='2'"]);
    expect([...args.args.keys()]).toEqual(['b', 'a']);
    expect(hex(args.toBytes())).toBe('02000000' + '010000006201000000' + '0103' + '010000006101000000' + '0203');
    expect(errorOf(() => parseSessionArgs(["a:u8='1'", "a:u8='2'"]))).toEqual({
      message: `--session-arg "a:u8='2'": the arg name 'a' is given twice`,
      exitCode: 2,
    });
  });
});

describe('bad --session-arg: one line, the character, exit code 2', () => {
  test.each([
    [
      'asdf|1234(..)',
      `--session-arg "asdf|1234(..)": should be formatted as "NAME:TYPE='VALUE'" or "NAME:TYPE=null"; no ':' after the name (at character 14 (end))`,
    ],
    [
      'x:u32',
      `--session-arg "x:u32": should be formatted as "NAME:TYPE='VALUE'" or "NAME:TYPE=null"; no '=' after the type (at character 6 (end))`,
    ],
    [
      'name:u32=0',
      `--session-arg "name:u32=0": value should be surrounded by single quotes ('VALUE') unless it is null for an opt_ type (at character 10 '0')`,
    ],
    [
      'x:opt_u8=5',
      `--session-arg "x:opt_u8=5": value should be surrounded by single quotes ('VALUE') or be null (at character 10 '5')`,
    ],
    [
      "name:wat='false'",
      `--session-arg "name:wat='false'": unknown type 'wat' (expected one of bool, i32, i64, u8, u32, u64, u128, u256, u512, unit, string, key, account_hash, uref, public_key, byte_list, byte_array_<NUM>, each also as opt_<TYPE>) (at character 6 'w')`,
    ],
    [
      'x:opt_wat=null',
      `--session-arg "x:opt_wat=null": unknown type 'opt_wat' (expected one of bool, i32, i64, u8, u32, u64, u128, u256, u512, unit, string, key, account_hash, uref, public_key, byte_list, byte_array_<NUM>, each also as opt_<TYPE>) (at character 3 'o')`,
    ],
    [
      "x:bool='fa'",
      `--session-arg "x:bool='fa'": can't parse 'fa' as a bool (should be 'true' or 'false') (at character 9 'f')`,
    ],
    ["x:u8='256'", `--session-arg "x:u8='256'": can't parse '256' as u8: out of range (0 to 255) (at character 7 '2')`],
    [
      "x:i32='2147483648'",
      `--session-arg "x:i32='2147483648'": can't parse '2147483648' as i32: out of range (-2147483648 to 2147483647) (at character 8 '2')`,
    ],
    ["x:u64='-1'", `--session-arg "x:u64='-1'": can't parse '-1' as u64: invalid digit '-' (at character 8 '-')`],
    [
      "x:u512='12a4'",
      `--session-arg "x:u512='12a4'": can't parse '12a4' as u512: invalid digit 'a' (at character 11 'a')`,
    ],
    ["x:u512='+1'", `--session-arg "x:u512='+1'": can't parse '+1' as u512: invalid digit '+' (at character 9 '+')`],
    [
      `x:u512='${1n << 512n}'`,
      `--session-arg "x:u512='${1n << 512n}'": can't parse '${1n << 512n}' as u512: out of range (0 to ${(1n << 512n) - 1n}) (at character 9 '1')`,
    ],
    ["x:u8=''", `--session-arg "x:u8=''": can't parse '' as u8: empty value (at character 8 (end))`],
    ["x:unit='1'", `--session-arg "x:unit='1'": can't parse '1' as unit (should be '') (at character 9 '1')`],
    [
      "x:key='f'",
      `--session-arg "x:key='f'": can't parse 'f' as Key: unknown prefix for key (account-hash-, hash-, uref-, transfer-, deploy-, era-, balance-, bid-, withdraw-, dictionary-, system-contract-registry-, era-summary-, unbond-, chainspec-registry-, checksum-registry-) (at character 8 'f')`,
    ],
    [
      `x:key='hash-${'0'.repeat(63)}z'`,
      `--session-arg "x:key='hash-${'0'.repeat(63)}z'": can't parse 'hash-${'0'.repeat(63)}z' as Key: invalid hex character 'z' (at character 76 'z')`,
    ],
    [
      "x:key='hash-0102'",
      `--session-arg "x:key='hash-0102'": can't parse 'hash-0102' as Key: the address must be 32 bytes, got 2 (at character 13 '0')`,
    ],
    [
      `x:key='entity-account-${A32}'`,
      `--session-arg "x:key='entity-account-${A32}'": can't parse 'entity-account-${A32}' as Key: unknown prefix for key (account-hash-, hash-, uref-, transfer-, deploy-, era-, balance-, bid-, withdraw-, dictionary-, system-contract-registry-, era-summary-, unbond-, chainspec-registry-, checksum-registry-) (at character 8 'e')`,
    ],
    [
      `x:account_hash='${A32}'`,
      `--session-arg "x:account_hash='${A32}'": can't parse '${A32}' as AccountHash: prefix is not 'account-hash-' (at character 17 '0')`,
    ],
    [
      `x:uref='uref-${U32}-010'`,
      `--session-arg "x:uref='uref-${U32}-010'": can't parse 'uref-${U32}-010' as URef: invalid access rights '010' (octal 0-7) (at character 79 '0')`,
    ],
    [
      `x:uref='uref-${U32}'`,
      `--session-arg "x:uref='uref-${U32}'": can't parse 'uref-${U32}' as URef: missing '-<access rights>' suffix (at character 78 ''')`,
    ],
    [
      "x:public_key='f'",
      `--session-arg "x:public_key='f'": can't parse 'f' as PublicKey: failed to decode from hex: too short (at character 16 ''')`,
    ],
    [
      `x:public_key='03${'11'.repeat(32)}'`,
      `--session-arg "x:public_key='03${'11'.repeat(32)}'": can't parse '03${'11'.repeat(32)}' as PublicKey: invalid tag: expected 1 or 2, got 3 (at character 15 '0')`,
    ],
    [
      `x:public_key='02${'11'.repeat(33)}'`,
      `--session-arg "x:public_key='02${'11'.repeat(33)}'": can't parse '02${'11'.repeat(33)}' as PublicKey: not a valid secp256k1 public key (not a curve point) (at character 17 '1')`,
    ],
    [
      "x:byte_list='fz'",
      `--session-arg "x:byte_list='fz'": can't parse 'fz' as a byte_list: invalid hex character 'z' (at character 15 'z')`,
    ],
    [
      "x:byte_array_1='0102'",
      `--session-arg "x:byte_array_1='0102'": provided 2 bytes but specified a byte_array of 1 bytes (at character 17 '0')`,
    ],
    [
      "x:byte_array_x='00'",
      `--session-arg "x:byte_array_x='00'": can't parse 'x' of 'byte_array_x' as an integer (at character 14 'x')`,
    ],
    [
      `x:u512='${1n << 256n}'`,
      `--session-arg "x:u512='${1n << 256n}'": casper-js-sdk 5 cannot serialize a U512 of 2^256 or more (casper-types allows up to 2^512 - 1)`,
    ],
  ])('%s', (arg, message) => {
    expect(errorOf(() => parseSessionArg(arg))).toEqual({ message, exitCode: 2 });
  });
});

describe('--session-args-json (casper-client JSON args)', () => {
  const bytesOf = (json: string) => hex(parseSessionArgs([], json).toBytes());

  test('complex types, with the bytes casper-client writes (maps in the order given)', () => {
    const json = JSON.stringify([
      { name: 'm', type: { Map: { key: 'String', value: 'U64' } }, value: { b: 1, a: 2 } },
      { name: 't', type: { Tuple2: ['U8', { Option: 'String' }] }, value: [7, null] },
      { name: 'r', type: { Result: { ok: 'Bool', err: 'U32' } }, value: { Err: 9 } },
      { name: 'l', type: { List: 'U8' }, value: '0a0b' },
      { name: 'k', type: 'Key', value: { Account: `account-hash-${A32}` } },
      { name: 'b', type: { ByteArray: 2 }, value: [1, 255] },
    ]);
    expect(bytesOf(json)).toBe(
      '06000000' +
        [
          '01000000',
          '6d',
          '1e000000',
          '02000000',
          '0100000062',
          '0100000000000000',
          '0100000061',
          '0200000000000000',
          '110a05',
        ].join('') +
        ['01000000', '74', '02000000', '0700', '13030d0a'].join('') +
        ['01000000', '72', '05000000', '0009000000', '100004'].join('') +
        ['01000000', '6c', '06000000', '020000000a0b', '0e03'].join('') +
        ['01000000', '6b', '21000000', `00${A32}`, '0b'].join('') +
        ['01000000', '62', '02000000', '01ff', '0f02000000'].join(''),
    );
  });

  test('U512 beyond 2^53 as a decimal string, exactly', () => {
    expect(bytesOf('[{"name":"a","type":"U512","value":"123456789012345678901234567890"}]')).toBe(
      '010000000100000061' + '0e000000' + '0dd20a3f4eeee073c3f60fe98e01' + '08',
    );
  });

  test.each([
    [
      '[1,',
      '--session-args-json: failed to parse json-args to JSON: EOF while parsing a list at line 1 column 4. They should be a JSON Array of Objects, each of the form {"name":<String>,"type":<VALUE>,"value":<VALUE>}',
    ],
    [
      '{"name":"x"}',
      '--session-args-json: failed to parse json-args to JSON: invalid type: map, expected a sequence at line 1 column 1. They should be a JSON Array of Objects, each of the form {"name":<String>,"type":<VALUE>,"value":<VALUE>}',
    ],
    [
      '[{"name":"x","type":"U8"}]',
      '--session-args-json: failed to parse json-args to JSON: missing field `value` at line 1 column 25. They should be a JSON Array of Objects, each of the form {"name":<String>,"type":<VALUE>,"value":<VALUE>}',
    ],
    [
      '[{"name":"x","type":"U9","value":1}]',
      '--session-args-json: failed to parse json-args to JSON: unknown variant `U9`, expected one of `Bool`, `I32`, `I64`, `U8`, `U32`, `U64`, `U128`, `U256`, `U512`, `Unit`, `String`, `Key`, `URef`, `PublicKey`, `Option`, `List`, `ByteArray`, `Result`, `Map`, `Tuple1`, `Tuple2`, `Tuple3`, `Any` at line 1 column 21. They should be a JSON Array of Objects, each of the form {"name":<String>,"type":<VALUE>,"value":<VALUE>}',
    ],
    [
      '[{"name":"x","type":"U8","value":256}]',
      '--session-args-json: failed to construct a CLValue of type U8 from 256 for arg x: cannot convert given JSON Number to `u8`',
    ],
    [
      '[{"name":"x","type":"U8","value":1.0}]',
      '--session-args-json: failed to construct a CLValue of type U8 from 1.0 for arg x: cannot convert given JSON Number to `u8`',
    ],
    [
      '[{"name":"x","type":{"ByteArray":2},"value":"0011ff"}]',
      '--session-args-json: failed to construct a CLValue of type ByteArray(2) from "0011ff" for arg x: number of hex-decoded bytes (3) not as expected (2)',
    ],
    [
      '[{"name":"x","type":{"Map":{"key":"Key","value":"U8"}},"value":{"a":1}}]',
      '--session-args-json: failed to construct a CLValue of type Map { key: Key, value: U8 } from {"a":1} for arg x: invalid map key type (Key): only maps with key types of string or number can be represented as JSON Objects, maps with more complex key types must use a JSON Array',
    ],
    [
      '[{"name":"x","type":"String","value":5}]',
      '--session-args-json: failed to construct a CLValue of type String from 5 for arg x: the given CLType cannot be constructed from the given type of JSON value',
    ],
    [
      `[{"name":"x","type":"U512","value":"${1n << 300n}"}]`,
      '--session-args-json: arg x: casper-js-sdk 5 cannot serialize a U512 of 2^256 or more (casper-types allows up to 2^512 - 1)',
    ],
  ])('%s', (json, message) => {
    expect(errorOf(() => parseSessionArgs([], json))).toEqual({ message, exitCode: 2 });
  });

  test('--session-arg and --session-args-json cannot be combined (one style per deploy)', () => {
    expect(errorOf(() => parseSessionArgs(["a:u8='1'"], '[]'))).toEqual({
      message: "the argument '--session-arg' cannot be used with '--session-args-json'",
      exitCode: 2,
    });
  });
});
