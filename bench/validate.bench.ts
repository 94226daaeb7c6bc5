// Validator throughput on a ~30 KB module (300 functions). Prints the median per validation.
import { validateModule } from '../runtime/wasm/validate';
import { median, report } from './util';

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
}
const sec = (id: number, body: number[]) => [id, ...leb(body.length), ...body];
const vec = (items: number[][]) => [...leb(items.length), ...items.flat()];

const bodies = Array.from({ length: 300 }, (_, i) => {
  const instrs: number[] = [];
  for (let k = 0; k < 12; k++) instrs.push(0x41, ...sleb(i * k), 0x20, 0x00, 0x6a, 0x21, 0x00);
  instrs.push(0x02, 0x40, 0x20, 0x00, 0x0d, 0x00, 0x0b);
  return [...leb(instrs.length + 4), 0x01, 0x01, 0x7f, ...instrs, 0x0b];
});
const name = [...leb(4), ...Buffer.from('call')];
const bytes = Uint8Array.from([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00,
  ...sec(1, vec([[0x60, 0x00, 0x00]])),
  ...sec(3, vec(bodies.map(() => [0]))),
  ...sec(5, vec([[0x00, 0x01]])),
  ...sec(7, vec([[...name, 0x00, 0x00]])),
  ...sec(10, vec(bodies)),
]);
if (!validateModule(bytes).ok) throw new Error('bench module does not validate');
for (let i = 0; i < 50; i++) validateModule(bytes);
const samples: number[] = [];
for (let batch = 0; batch < 30; batch++) {
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) validateModule(bytes);
  samples.push((performance.now() - t0) / 20);
}
report('validate', [[`${bytes.length} B module, median per validation`, `${median(samples).toFixed(3)} ms`]]);
