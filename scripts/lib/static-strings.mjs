// Build-time UTF-8 for string literals. Host functions take names as UTF-8 (a pointer and a
// length, or a bytesrepr String: u32 length ‖ UTF-8), while AssemblyScript strings are UTF-16
// objects; encoding them at run time costs a UTF-8 encoder (~250 bytes of code) and keeps every
// name in UTF-16 too, behind a 20-byte object header. The SDK asks for a string's bytes through
// `stringBytes(s)` (assembly/bytesrepr.ts), which, in release builds only
// (CASPER_STATIC_STRINGS=1), calls two marker imports that exist only between asc and this pass:
//
//   env.__casper_static_string(s: string ptr) → the address of s's bytesrepr String, or 0
//   env.__casper_static_strings_only() → 1 when no string can lack those bytes
//
// 1. `addStaticStrings` (asc afterCompile): every string literal's bytesrepr String is appended
//    to static memory (the heap starts after them) and its address written into the string's
//    header (asc's first GC word, unused by the stub runtime); the ones left unused are dropped
//    with the other dead static data (runtime/wasm/prune-data.ts). It also finds whether
//    anything but the SDK's decoder (which records the same in the header) can create a string.
// 2. `resolveStaticStrings` (after asc's optimization): each marker call becomes a constant when
//    its string is a literal. A string that is a parameter (a name passed down through SDK
//    functions) is followed to every call site of that function: the function gets one more
//    parameter, the bytes' address, which its callers pass (a constant, or their own such
//    parameter). Any other string's address is read from its header. If every string reaching
//    a marker is a literal, or no code can make a string without those bytes, the second
//    marker becomes 1 and the run-time encoder is dead code; else `stringBytes` encodes a
//    string whose header holds 0 (the same bytes either way).

/** Marker import names (module `env`). */
export const STATIC_STRING_IMPORT = '__casper_static_string';
export const STATIC_STRINGS_ONLY_IMPORT = '__casper_static_strings_only';

/** asc's runtime id of `String`. */
const STRING_ID = 2;
/** Object header size before a managed object's payload (mmInfo, gcInfo, gcInfo2, rtId, rtSize). */
const OBJECT_HEADER = 20;
const HEAP_BASE = '~lib/memory/__heap_base';
/** Header word (object offset) that points at a string's bytesrepr String: asc's first GC word. */
const GC_INFO = 4;
/** SDK functions that create strings and record their bytes in the header (assembly/bytesrepr.ts). */
const STRING_DECODERS = ['assembly/bytesrepr/utf8Decode'];

/**
 * UTF-8 of UTF-16 code units exactly as assembly/bytesrepr.ts `writeUtf8` writes it: a
 * surrogate pair is one code point, a lone surrogate becomes U+FFFD.
 */
export function utf8FromUnits(units) {
  const out = [];
  for (let i = 0; i < units.length; i++) {
    let c = units[i];
    if (c >= 0xd800 && c < 0xe000) {
      const c2 = i + 1 < units.length ? units[i + 1] : 0;
      if (c < 0xdc00 && c2 >= 0xdc00 && c2 < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (c2 - 0xdc00);
        i++;
      } else c = 0xfffd;
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/**
 * Functions of the module (asc's, before optimization) that may create a string object at run
 * time, other than `decoders` (which record its bytes in the header as literals have them):
 * asc's standard library creates every string with `__new(size, idof<String>())`, so a call to
 * `__new` whose id is String's counts, or whose id is not a constant. An id that is a parameter
 * the function never assigns (`__newArray`, `__newBuffer`, the SDK's `allocZero` forward one)
 * is followed to that function's call sites instead.
 */
function stringCreators(binaryen, module, decoders) {
  const NEW = '~lib/rt/stub/__new';
  const fns = new Map(); // name → { calls: [{ target, operands }], sets: Set<local>, params }
  for (let i = 0, n = module.getNumFunctions(); i < n; i++) {
    const f = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
    if (f.module || !f.body) continue;
    const calls = [];
    const sets = new Set();
    const visit = (e) => {
      if (!e) return;
      const kind = binaryen.getExpressionId(e);
      if (kind === binaryen.NopId || kind === binaryen.UnreachableId) return; // (no info for these)
      const info = binaryen.getExpressionInfo(e);
      if (info.id === binaryen.CallId) calls.push(info);
      else if (info.id === binaryen.LocalSetId) sets.add(info.index);
      for (const c of exprChildren(binaryen, info)) visit(c);
    };
    visit(f.body);
    fns.set(f.name, { calls, sets, params: binaryen.expandType(f.params).length });
  }
  // Functions called from outside or through the table: their callers are not all known.
  const external = new Set();
  for (let i = 0, n = module.getNumExports(); i < n; i++) {
    const e = binaryen.getExportInfo(module.getExportByIndex(i));
    if (e.kind === binaryen.ExternalFunction) external.add(e.value);
  }
  for (let i = 0, n = module.getNumElementSegments(); i < n; i++)
    for (const name of binaryen.getElementSegmentInfo(module.getElementSegmentByIndex(i)).data) external.add(name);
  const out = new Set();
  const seen = new Set();
  // Flags `caller` if `expr` (an id argument evaluated there) may be String's id.
  const check = (caller, expr) => {
    const info = binaryen.getExpressionInfo(expr);
    if (info.id === binaryen.ConstId) {
      if (info.value === STRING_ID) out.add(caller);
      return;
    }
    const fn = fns.get(caller);
    if (
      info.id === binaryen.LocalGetId &&
      info.index < fn.params &&
      !fn.sets.has(info.index) &&
      !external.has(caller)
    ) {
      const key = `${caller}:${info.index}`;
      if (seen.has(key)) return;
      seen.add(key);
      for (const [name, g] of fns)
        for (const c of g.calls)
          if (c.target === caller && !decoders.includes(name)) check(name, c.operands[info.index]);
      return;
    }
    out.add(caller);
  };
  for (const [name, f] of fns) {
    if (decoders.includes(name) || name === '~lib/rt/stub/__renew') continue;
    for (const c of f.calls) if (c.target === NEW) check(name, c.operands[1]);
  }
  return [...out];
}

/** Child expressions of an expression, from its getExpressionInfo (MVP expressions). */
export function exprChildren(binaryen, info) {
  switch (info.id) {
    case binaryen.BlockId:
      return info.children;
    case binaryen.IfId:
      return [info.condition, info.ifTrue, info.ifFalse];
    case binaryen.LoopId:
      return [info.body];
    case binaryen.BreakId:
      return [info.condition, info.value];
    case binaryen.SwitchId:
      return [info.condition, info.value];
    case binaryen.CallId:
    case binaryen.CallIndirectId:
      return [...info.operands, info.target].filter((x) => typeof x === 'number');
    case binaryen.LocalSetId:
    case binaryen.GlobalSetId:
    case binaryen.UnaryId:
    case binaryen.DropId:
    case binaryen.ReturnId:
      return [info.value];
    case binaryen.LoadId:
      return [info.ptr];
    case binaryen.StoreId:
      return [info.ptr, info.value];
    case binaryen.BinaryId:
      return [info.left, info.right];
    case binaryen.SelectId:
      return [info.ifTrue, info.ifFalse, info.condition];
    case binaryen.MemoryGrowId:
      return [info.delta];
    default:
      return [];
  }
}

/** True when the module (asc's binaryen module) imports the static-string marker. */
function importsMarker(binaryen, module) {
  for (let i = 0, n = module.getNumFunctions(); i < n; i++) {
    const f = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
    if (f.module === 'env' && f.base === STATIC_STRING_IMPORT) return true;
  }
  return false;
}

/**
 * asc afterCompile step (asc's binaryen and module): appends the bytesrepr String of every
 * string literal to static memory, after the last segment, and moves the heap start past them.
 * Returns { strings: Map(string address → bytes address), objects: [start, end) ranges of the
 * appended data } (both empty when the module does not use the marker).
 */
export function addStaticStrings(binaryen, module) {
  const strings = new Map();
  const objects = [];
  if (!importsMarker(binaryen, module)) return { strings, objects, creators: [] };
  const creators = stringCreators(binaryen, module, STRING_DECODERS);
  const segments = [];
  const headers = new Map(); // string address → DataView of its object (header first)
  let end = 0;
  for (let i = 0, n = module.getNumDataSegments(); i < n; i++) {
    const info = module.getDataSegmentInfo(module.getDataSegmentByIndex(i));
    const d = new Uint8Array(info.data);
    segments.push({ offset: info.offset, data: d, passive: info.passive });
    if (info.passive) continue;
    end = Math.max(end, info.offset + d.byteLength);
    if (d.byteLength < OBJECT_HEADER) continue;
    const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
    const rtId = view.getUint32(12, true);
    const rtSize = view.getUint32(16, true);
    if (rtId !== STRING_ID || rtSize % 2 || rtSize > d.byteLength - OBJECT_HEADER) continue;
    const units = [];
    for (let k = 0; k < rtSize; k += 2) units.push(view.getUint16(OBJECT_HEADER + k, true));
    strings.set(info.offset + OBJECT_HEADER, utf8FromUnits(units));
    headers.set(info.offset + OBJECT_HEADER, view);
  }
  const heapRef = module.getGlobal(HEAP_BASE);
  if (heapRef) {
    const init = binaryen.getExpressionInfo(binaryen.getGlobalInfo(heapRef).init);
    end = Math.max(end, init.value);
  }
  let at = (end + 3) & ~3;
  const added = [];
  for (const [addr, bytes] of strings) {
    const blob = new Uint8Array(4 + bytes.length);
    new DataView(blob.buffer).setUint32(0, bytes.length, true);
    blob.set(bytes, 4);
    strings.set(addr, at);
    headers.get(addr).setUint32(GC_INFO, at, true);
    objects.push([at, at + blob.length]);
    added.push({ offset: at, data: blob });
    at = (at + blob.length + 3) & ~3;
  }
  if (!added.length) return { strings, objects, creators };
  const mem = module.getMemoryInfo();
  const pages = Math.max(mem.initial, Math.ceil(at / 65536));
  module.setMemory(
    pages,
    mem.max === undefined ? -1 : mem.max,
    null,
    [...segments, ...added].map((s) => ({ offset: module.i32.const(s.offset), data: s.data, passive: !!s.passive })),
    mem.shared,
    mem.is64,
    '0',
  );
  if (heapRef) {
    module.removeGlobal(HEAP_BASE);
    module.addGlobal(HEAP_BASE, binaryen.i32, false, module.i32.const(at));
  }
  return { strings, objects, creators };
}

// ------------------------------------------------------------------------------------------------
// Resolution after optimization, on binaryen IR (the repo's binaryen).

/** [child, replace(newChild)] pairs of an expression (MVP expressions only). */
export function childrenOf(b, e) {
  const id = b.getExpressionId(e);
  const out = [];
  const add = (child, set) => {
    if (child) out.push([child, set]);
  };
  switch (id) {
    case b.BlockId:
      for (let i = 0, n = b.Block.getNumChildren(e); i < n; i++)
        add(b.Block.getChildAt(e, i), (x) => b.Block.setChildAt(e, i, x));
      break;
    case b.IfId:
      add(b.If.getCondition(e), (x) => b.If.setCondition(e, x));
      add(b.If.getIfTrue(e), (x) => b.If.setIfTrue(e, x));
      add(b.If.getIfFalse(e), (x) => b.If.setIfFalse(e, x));
      break;
    case b.LoopId:
      add(b.Loop.getBody(e), (x) => b.Loop.setBody(e, x));
      break;
    case b.BreakId:
      add(b.Break.getValue(e), (x) => b.Break.setValue(e, x));
      add(b.Break.getCondition(e), (x) => b.Break.setCondition(e, x));
      break;
    case b.SwitchId:
      add(b.Switch.getValue(e), (x) => b.Switch.setValue(e, x));
      add(b.Switch.getCondition(e), (x) => b.Switch.setCondition(e, x));
      break;
    case b.CallId:
      for (let i = 0, n = b.Call.getNumOperands(e); i < n; i++)
        add(b.Call.getOperandAt(e, i), (x) => b.Call.setOperandAt(e, i, x));
      break;
    case b.CallIndirectId:
      for (let i = 0, n = b.CallIndirect.getNumOperands(e); i < n; i++)
        add(b.CallIndirect.getOperandAt(e, i), (x) => b.CallIndirect.setOperandAt(e, i, x));
      add(b.CallIndirect.getTarget(e), (x) => b.CallIndirect.setTarget(e, x));
      break;
    case b.LocalSetId:
      add(b.LocalSet.getValue(e), (x) => b.LocalSet.setValue(e, x));
      break;
    case b.GlobalSetId:
      add(b.GlobalSet.getValue(e), (x) => b.GlobalSet.setValue(e, x));
      break;
    case b.LoadId:
      add(b.Load.getPtr(e), (x) => b.Load.setPtr(e, x));
      break;
    case b.StoreId:
      add(b.Store.getPtr(e), (x) => b.Store.setPtr(e, x));
      add(b.Store.getValue(e), (x) => b.Store.setValue(e, x));
      break;
    case b.UnaryId:
      add(b.Unary.getValue(e), (x) => b.Unary.setValue(e, x));
      break;
    case b.BinaryId:
      add(b.Binary.getLeft(e), (x) => b.Binary.setLeft(e, x));
      add(b.Binary.getRight(e), (x) => b.Binary.setRight(e, x));
      break;
    case b.SelectId:
      add(b.Select.getIfTrue(e), (x) => b.Select.setIfTrue(e, x));
      add(b.Select.getIfFalse(e), (x) => b.Select.setIfFalse(e, x));
      add(b.Select.getCondition(e), (x) => b.Select.setCondition(e, x));
      break;
    case b.DropId:
      add(b.Drop.getValue(e), (x) => b.Drop.setValue(e, x));
      break;
    case b.ReturnId:
      add(b.Return.getValue(e), (x) => b.Return.setValue(e, x));
      break;
    case b.MemoryGrowId:
      add(b.MemoryGrow.getDelta(e), (x) => b.MemoryGrow.setDelta(e, x));
      break;
    case b.LocalGetId:
    case b.GlobalGetId:
    case b.ConstId:
    case b.NopId:
    case b.UnreachableId:
    case b.MemorySizeId:
      break;
    default:
      throw new Error(`static strings: unexpected expression id ${id}`);
  }
  return out;
}

/**
 * Replaces the marker calls of a release module (asc's optimized output) by constants, as
 * described at the top of this file. `strings` maps a literal's address to its bytesrepr
 * String's address (from addStaticStrings). Returns the new module bytes, or `bytes` unchanged
 * when there is no marker.
 */
export function resolveStaticStrings(b, bytes, { strings, creators }) {
  const mod = b.readBinary(bytes);
  try {
    mod.setFeatures(b.Features.MVP);
    let marker = null;
    let only = null;
    const defined = new Map(); // name → { ref, params, sets: Set<local>, eligible }
    for (let i = 0, n = mod.getNumFunctions(); i < n; i++) {
      const ref = mod.getFunctionByIndex(i);
      const f = b.getFunctionInfo(ref);
      if (f.module === 'env' && f.base === STATIC_STRING_IMPORT) marker = f.name;
      else if (f.module === 'env' && f.base === STATIC_STRINGS_ONLY_IMPORT) only = f.name;
      else if (!f.module) defined.set(f.name, { ref, params: b.expandType(f.params).length, eligible: true });
    }
    if (marker === null && only === null) return bytes;
    // Functions reachable from outside the module get no hand-over: their callers are unknown.
    for (let i = 0, n = mod.getNumExports(); i < n; i++) {
      const e = b.getExportInfo(mod.getExportByIndex(i));
      if (e.kind === b.ExternalFunction && defined.has(e.value)) defined.get(e.value).eligible = false;
    }
    for (let i = 0, n = mod.getNumElementSegments(); i < n; i++)
      for (const name of b.getElementSegmentInfo(mod.getElementSegmentByIndex(i)).data)
        if (defined.has(name)) defined.get(name).eligible = false;
    const start = mod.getStart();
    if (start) defined.get(b.getFunctionInfo(start).name).eligible = false;

    // One walk in evaluation order: marker calls, the other marker, call sites, and when each
    // local is read and written (binaryen reuses a parameter's local
    // once its value is dead, so a parameter is only followed where it still holds it).
    const markerCalls = []; // { e, set, fn }
    const onlyCalls = []; // { e, set }
    const callSites = new Map(); // callee → [{ e, set, fn, callee }]
    for (const [name, fn] of defined) {
      fn.writes = new Map(); // local → [{ t, loops }]
      fn.reads = new Map(); // local.get expression → { t, loops }
      let t = 0;
      const loops = [];
      const walk = (e, set) => {
        const id = b.getExpressionId(e);
        if (id === b.LoopId) loops.push(e);
        for (const [c, s] of childrenOf(b, e)) walk(c, s);
        if (id === b.LoopId) loops.pop();
        t++;
        if (id === b.CallId) {
          const target = b.Call.getTarget(e);
          if (target === marker) markerCalls.push({ e, set, fn: name });
          else if (target === only) onlyCalls.push({ e, set });
          else if (defined.has(target)) {
            if (!callSites.has(target)) callSites.set(target, []);
            callSites.get(target).push({ e, set, fn: name, callee: target });
          }
        } else if (id === b.LocalSetId) {
          const index = b.LocalSet.getIndex(e);
          if (!fn.writes.has(index)) fn.writes.set(index, []);
          fn.writes.get(index).push({ t, loops: [...loops] });
        } else if (id === b.LocalGetId) fn.reads.set(e, { t, loops: [...loops] });
      };
      const body = b.getFunctionInfo(fn.ref).body;
      if (body) walk(body, (x) => b.Function.setBody(fn.ref, x));
    }
    /** True when local.get `e` of parameter `index` in `fn` reads the value the function was called with. */
    const readsEntryValue = (fn, index, e) => {
      const r = fn.reads.get(e);
      return (fn.writes.get(index) ?? []).every((w) => w.t > r.t && !w.loops.some((l) => r.loops.includes(l)));
    };

    // What a string-valued expression is: a literal's bytes, a parameter handed over, or unknown.
    let allStatic = true;
    const needs = new Map(); // `${fn}:${param}` → { fn, param }
    const resolve = (e, fnName) => {
      const id = b.getExpressionId(e);
      if (id === b.ConstId && b.getExpressionType(e) === b.i32) {
        const value = b.Const.getValueI32(e) >>> 0;
        if (value === 0) return { kind: 'const', blob: 0 }; // null: never used as a string
        const blob = strings.get(value);
        if (blob !== undefined) return { kind: 'const', blob };
      } else if (id === b.LocalGetId) {
        const fn = defined.get(fnName);
        const index = b.LocalGet.getIndex(e);
        if (fn.eligible && index < fn.params && readsEntryValue(fn, index, e)) {
          const key = `${fnName}:${index}`;
          if (!needs.has(key)) needs.set(key, { fn: fnName, param: index });
          return { kind: 'param', key };
        }
      }
      allStatic = false;
      return { kind: 'unknown' };
    };
    for (const m of markerCalls) m.value = resolve(b.Call.getOperandAt(m.e, 0), m.fn);
    const handOvers = []; // { site, param, value }
    for (let done = 0; done < needs.size; done++) {
      const need = [...needs.values()][done];
      for (const site of callSites.get(need.fn) ?? [])
        handOvers.push({ site, param: need.param, value: resolve(b.Call.getOperandAt(site.e, need.param), site.fn) });
    }

    // Rewrite. A function whose parameter's string is needed gets one more parameter per such
    // string, after its own: its callers pass the address there. Its locals move up to make room.
    const added = new Map(); // function → [need key…], in parameter order
    for (const [key, need] of needs) {
      if (!added.has(need.fn)) added.set(need.fn, []);
      added.get(need.fn).push(key);
    }
    const paramOf = new Map(); // need key → its new parameter's index
    for (const [name, keys] of added) {
      const fn = defined.get(name);
      keys.forEach((key, k) => paramOf.set(key, fn.params + k));
      const shift = (e) => {
        const id = b.getExpressionId(e);
        if (id === b.LocalGetId && b.LocalGet.getIndex(e) >= fn.params)
          b.LocalGet.setIndex(e, b.LocalGet.getIndex(e) + keys.length);
        else if (id === b.LocalSetId && b.LocalSet.getIndex(e) >= fn.params)
          b.LocalSet.setIndex(e, b.LocalSet.getIndex(e) + keys.length);
        for (const [c] of childrenOf(b, e)) shift(c);
      };
      const body = b.getFunctionInfo(fn.ref).body;
      if (body) shift(body);
    }
    // New locals (for unknown strings handed over) after a function's own.
    const extraVars = new Map(); // function → count
    const newVar = (name) => {
      const fn = defined.get(name);
      const info = b.getFunctionInfo(fn.ref);
      const k = extraVars.get(name) ?? 0;
      extraVars.set(name, k + 1);
      return fn.params + (added.get(name)?.length ?? 0) + info.vars.length + k;
    };
    const valueExpr = (v) =>
      v.kind === 'const' ? mod.i32.const(v.blob) : v.kind === 'param' ? mod.local.get(paramOf.get(v.key), b.i32) : null;
    // A string not known here has its bytes' address in its header if it is a literal or was
    // decoded by the SDK (0 otherwise); when nothing else in the module makes strings, that is
    // every string, and the run-time encoder is dead code. (A string handed over may be null
    // where the callee does not use it, hence the test there.)
    const headerBytes = (str) => mod.i32.load(0, 4, mod.i32.sub(str, mod.i32.const(OBJECT_HEADER - GC_INFO)));
    for (const m of markerCalls) {
      const op = b.Call.getOperandAt(m.e, 0);
      m.set(m.value.kind === 'unknown' ? headerBytes(op) : valueExpr(m.value));
    }
    for (const o of onlyCalls) o.set(mod.i32.const(allStatic || creators.length === 0 ? 1 : 0));
    const handOverAt = new Map(); // call site → Map(need key → value)
    for (const h of handOvers) {
      if (!handOverAt.has(h.site)) handOverAt.set(h.site, new Map());
      handOverAt.get(h.site).set(`${h.site.callee}:${h.param}`, h);
    }
    for (const [callee, keys] of added) {
      for (const site of callSites.get(callee) ?? []) {
        const at = handOverAt.get(site);
        for (const key of keys) {
          const h = at.get(key);
          let arg = valueExpr(h.value);
          if (arg === null) {
            const t = newVar(site.fn);
            b.Call.setOperandAt(site.e, h.param, mod.local.tee(t, b.Call.getOperandAt(site.e, h.param), b.i32));
            arg = mod.if(mod.local.get(t, b.i32), headerBytes(mod.local.get(t, b.i32)), mod.i32.const(0));
          }
          b.Call.appendOperand(site.e, arg);
        }
      }
    }
    // Functions with new parameters or locals are added again with their new signature.
    for (const name of new Set([...added.keys(), ...extraVars.keys()])) {
      const fn = defined.get(name);
      const info = b.getFunctionInfo(fn.ref);
      const params = [...b.expandType(info.params), ...(added.get(name) ?? []).map(() => b.i32)];
      const vars = [...info.vars];
      for (let k = 0; k < (extraVars.get(name) ?? 0); k++) vars.push(b.i32);
      mod.removeFunction(name);
      mod.addFunction(name, b.createType(params), info.results, vars, info.body);
    }
    // No call to the markers is left: the imports go too.
    if (marker !== null) mod.removeFunction(marker);
    if (only !== null) mod.removeFunction(only);
    if (!mod.validate()) throw new Error('static strings: the rewritten module does not validate');
    return mod.emitBinary();
  } finally {
    mod.dispose();
  }
}
