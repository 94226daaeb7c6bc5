// Host-side codec micro-benchmarks (runtime/types): medians over repeated batches.
import {
  accountKey,
  CLValue,
  decodeKey,
  decodeRuntimeArgs,
  encodeKey,
  encodeRuntimeArgs,
  getRuntimeArg,
  keyStateId,
  type NamedArg,
  urefKey,
} from '../runtime/types';
import { median, report } from './util';

function opsPerSecond(n: number, fn: () => void): string {
  for (let i = 0; i < n / 10; i++) fn();
  const samples: number[] = [];
  for (let b = 0; b < 7; b++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn();
    samples.push((performance.now() - t) / n);
  }
  const us = median(samples) * 1000;
  return `${Math.round(1e6 / us).toLocaleString('en')} ops/s (${us.toFixed(2)} µs)`;
}

const args: NamedArg[] = [
  { name: 'amount', value: CLValue.u512(2_500_000_000n) },
  { name: 'target', value: CLValue.byteArray32(new Uint8Array(32).fill(0x11)) },
  { name: 'id', value: CLValue.option(CLValue.u64(42n)) },
];
const argsBytes = encodeRuntimeArgs(args);
const uref = urefKey({ addr: new Uint8Array(32).fill(0x2a), rights: 7 });
const urefBytes = encodeKey(uref);
const acctBytes = encodeKey(accountKey(new Uint8Array(32).fill(7)));

report('runtime/types codecs', [
  ['RuntimeArgs(3) decode', opsPerSecond(20_000, () => decodeRuntimeArgs(argsBytes))],
  [
    'RuntimeArgs(3) decode+encode',
    opsPerSecond(20_000, () => {
      const r = decodeRuntimeArgs(argsBytes);
      if (r.ok) encodeRuntimeArgs(r.value);
    }),
  ],
  [
    'RuntimeArgs(3) decode + typed reads',
    opsPerSecond(20_000, () => {
      const r = decodeRuntimeArgs(argsBytes);
      if (!r.ok) return;
      getRuntimeArg(r.value, 'amount')?.asU512();
      getRuntimeArg(r.value, 'target')?.asByteArray32();
      getRuntimeArg(r.value, 'id')?.asOptionU64();
    }),
  ],
  [
    'Key::URef decode+encode',
    opsPerSecond(100_000, () => {
      const r = decodeKey(urefBytes);
      if (r.ok) encodeKey(r.value);
    }),
  ],
  [
    'Key::Account decode+encode',
    opsPerSecond(100_000, () => {
      const r = decodeKey(acctBytes);
      if (r.ok) encodeKey(r.value);
    }),
  ],
  ['keyStateId(Key::URef)', opsPerSecond(100_000, () => keyStateId(uref))],
  ['failing Key decode (EarlyEndOfStream)', opsPerSecond(20_000, () => decodeKey(urefBytes.subarray(0, 10)))],
]);
