// asc transform: the node rejects a Wasm start section (UnsupportedWasmStart), and asc puts
// top-level code and the runtime's heap setup in one. The build compiles with
// `--exportStart __casper_start` (no start section; the start code becomes an export) and this
// transform makes every exported function run it first, then drops that export.
// Entry points of contracts installed from a session are exports too: each invocation gets a
// fresh instance, so each must initialise the heap before it allocates.

import { addStaticStrings, exprChildren } from './static-strings.mjs';

/** Name of the export asc is told to give the start function. */
export const START_EXPORT = '__casper_start';

/**
 * A transform class for asc.main({ transforms: [...] }) (asc gives it `this.binaryen`). It also
 * records, in `sink.staticObjects`, the address range of every data segment as asc emitted it
 * (one per static object, before optimization splits them), for the dead-data pass, and adds
 * the build-time UTF-8 of string literals (`sink.staticStrings`, see static-strings.mjs).
 */
export function makeStartTransform(sink) {
  return class StartTransform {
    /** Called by asc after compilation, before optimization and emission. */
    afterCompile(module) {
      const binaryen = this.binaryen;
      sink.staticObjects = [];
      for (let i = 0, n = module.getNumDataSegments(); i < n; i++) {
        const info = module.getDataSegmentInfo(module.getDataSegmentByIndex(i));
        if (!info.passive) sink.staticObjects.push([info.offset, info.offset + info.data.byteLength]);
      }
      const { strings, objects, creators } = addStaticStrings(binaryen, module);
      sink.staticStrings = strings;
      sink.stringCreators = creators;
      sink.staticObjects.push(...objects);
      dropZeroFieldStores(binaryen, module);
      skipSuperAllocation(binaryen, module);
      transformStart(binaryen, module);
    }
  };
}

/**
 * asc's constructors store every field's initial value right after allocating the object,
 * zeros included (`this.len = 0`, `this.err = 0`, null references). The session runtime hands
 * out only never-used, all-zero memory (scripts/lib/session-runtime.mjs), and each field is
 * initialised once, by its own class's constructor, before anything else writes it; so those
 * zero stores are removed (the other initial values, and everything after the field
 * initialisation, stay), as is the call of Object's constructor on the object just allocated.
 */
function dropZeroFieldStores(binaryen, module) {
  const isZero = (e) => {
    if (binaryen.getExpressionId(e) !== binaryen.ConstId) return false;
    const v = binaryen.getExpressionInfo(e).value;
    return typeof v === 'object' ? v.low === 0 && v.high === 0 : v === 0;
  };
  const isThis = (e) =>
    binaryen.getExpressionId(e) === binaryen.LocalGetId && binaryen.getExpressionInfo(e).index === 0;
  // `if (!this) this = __new(…)`: the start of a constructor's field initialisation.
  const isAllocation = (e) => {
    if (binaryen.getExpressionId(e) !== binaryen.IfId) return false;
    const info = binaryen.getExpressionInfo(e);
    if (info.ifFalse || binaryen.getExpressionId(info.ifTrue) !== binaryen.LocalSetId) return false;
    const set = binaryen.getExpressionInfo(info.ifTrue);
    return (
      set.index === 0 &&
      binaryen.getExpressionId(set.value) === binaryen.CallId &&
      binaryen.getExpressionInfo(set.value).target === '~lib/rt/stub/__new'
    );
  };
  // A field initialised from a value computed without `this` (nothing else can refer to the
  // object yet, so nothing in it can write the object).
  const usesThis = (e) => {
    if (!e) return false;
    const kind = binaryen.getExpressionId(e);
    if (kind === binaryen.NopId || kind === binaryen.UnreachableId) return false;
    return isThis(e) || exprChildren(binaryen, binaryen.getExpressionInfo(e)).some(usesThis);
  };
  const isOtherFieldStore = (e) => {
    if (binaryen.getExpressionId(e) !== binaryen.CallId) return false;
    const info = binaryen.getExpressionInfo(e);
    return (
      info.target.includes('#set:') &&
      info.operands.length === 2 &&
      isThis(info.operands[0]) &&
      !usesThis(info.operands[1])
    );
  };
  const isZeroFieldStore = (e) => {
    if (binaryen.getExpressionId(e) !== binaryen.CallId) return false;
    const info = binaryen.getExpressionInfo(e);
    return (
      info.target.includes('#set:') &&
      info.operands.length === 2 &&
      isThis(info.operands[0]) &&
      isZero(info.operands[1])
    );
  };
  // `this = Object#constructor(this)`: Object's constructor only allocates when `this` is null,
  // and here `this` has just been allocated (binaryen cannot know that __new never returns 0).
  const isObjectConstructor = (e) => {
    if (binaryen.getExpressionId(e) !== binaryen.LocalSetId) return false;
    const set = binaryen.getExpressionInfo(e);
    if (set.index !== 0 || binaryen.getExpressionId(set.value) !== binaryen.CallId) return false;
    const call = binaryen.getExpressionInfo(set.value);
    return call.target === '~lib/object/Object#constructor' && isThis(call.operands[0]);
  };
  for (let i = 0, n = module.getNumFunctions(); i < n; i++) {
    const f = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
    if (f.module || !f.body || !f.name.endsWith('#constructor')) continue;
    // The allocation is the first statement of the body or of its first nested block.
    let block = f.body;
    while (block && binaryen.getExpressionId(block) === binaryen.BlockId) {
      const first = binaryen.Block.getChildAt(block, 0);
      if (first && isAllocation(first)) break;
      block = first;
    }
    if (!block || binaryen.getExpressionId(block) !== binaryen.BlockId) continue;
    for (let k = 1; k < binaryen.Block.getNumChildren(block); ) {
      const child = binaryen.Block.getChildAt(block, k);
      if (isZeroFieldStore(child) || isObjectConstructor(child)) binaryen.Block.removeChildAt(block, k);
      else if (isOtherFieldStore(child)) k++;
      else break;
    }
  }
}

/** `if (!this) this = __new(…)`, the start of an asc constructor's field initialisation. */
function isAllocation(binaryen, e) {
  if (binaryen.getExpressionId(e) !== binaryen.IfId) return false;
  const info = binaryen.getExpressionInfo(e);
  if (info.ifFalse || binaryen.getExpressionId(info.ifTrue) !== binaryen.LocalSetId) return false;
  const set = binaryen.getExpressionInfo(info.ifTrue);
  return (
    set.index === 0 &&
    binaryen.getExpressionId(set.value) === binaryen.CallId &&
    binaryen.getExpressionInfo(set.value).target === '~lib/rt/stub/__new'
  );
}

/** The block of a constructor body that starts with the allocation (the body or a first nested block), or null. */
function allocationBlock(binaryen, body) {
  let block = body;
  while (block && binaryen.getExpressionId(block) === binaryen.BlockId) {
    const first = binaryen.Block.getChildAt(block, 0);
    if (first && isAllocation(binaryen, first)) return block;
    block = first;
  }
  return null;
}

/**
 * A derived class's constructor allocates the object, then calls its base class's constructor,
 * which allocates again if `this` is null: binaryen cannot know it is not, so both allocations
 * stay in the code. Such calls go to a copy of the base constructor without the allocation.
 */
function skipSuperAllocation(binaryen, module) {
  const copies = new Map(); // base constructor → its copy's name, or null
  const copyOf = (name) => {
    if (copies.has(name)) return copies.get(name);
    let copy = null;
    const ref = module.getFunction(name);
    const f = ref ? binaryen.getFunctionInfo(ref) : null;
    if (f && !f.module && f.body && allocationBlock(binaryen, f.body)) {
      const body = module.copyExpression(f.body);
      binaryen.Block.removeChildAt(allocationBlock(binaryen, body), 0);
      copy = `${name}~super`;
      module.addFunction(copy, f.params, f.results, f.vars, body);
    }
    copies.set(name, copy);
    return copy;
  };
  for (let i = 0, n = module.getNumFunctions(); i < n; i++) {
    const f = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
    if (f.module || !f.body || !f.name.endsWith('#constructor')) continue;
    const block = allocationBlock(binaryen, f.body);
    if (!block) continue;
    // The super call: `this = Base#constructor(this, …)` after the field initialisation.
    for (let k = 1, m = binaryen.Block.getNumChildren(block); k < m; k++) {
      const child = binaryen.Block.getChildAt(block, k);
      if (binaryen.getExpressionId(child) !== binaryen.LocalSetId) continue;
      const set = binaryen.getExpressionInfo(child);
      if (set.index !== 0 || binaryen.getExpressionId(set.value) !== binaryen.CallId) continue;
      const call = binaryen.getExpressionInfo(set.value);
      const arg = call.operands[0];
      if (!call.target.endsWith('#constructor') || binaryen.getExpressionId(arg) !== binaryen.LocalGetId) break;
      if (binaryen.getExpressionInfo(arg).index !== 0) break;
      const copy = copyOf(call.target);
      if (copy) binaryen.Call.setTarget(set.value, copy);
      break;
    }
  }
}

/**
 * asc guards the exported start function to run once per instance (`if (~started) return;
 * ~started = 1;`). Here it only runs first thing in an export, and every invocation of an
 * export on the node is a fresh instance (the emulator resets globals and memory too when it
 * reuses one), so the guard is dropped.
 */
function dropRunOnceGuard(binaryen, module, startFn) {
  const body = binaryen.getFunctionInfo(module.getFunction(startFn)).body;
  if (!body || binaryen.getExpressionId(body) !== binaryen.BlockId || binaryen.Block.getNumChildren(body) < 2) return;
  const [check, set] = [binaryen.Block.getChildAt(body, 0), binaryen.Block.getChildAt(body, 1)];
  const isStarted = (e) =>
    binaryen.getExpressionId(e) === binaryen.GlobalGetId && binaryen.getExpressionInfo(e).name === '~started';
  if (binaryen.getExpressionId(check) !== binaryen.IfId || !isStarted(binaryen.getExpressionInfo(check).condition))
    return;
  if (binaryen.getExpressionId(set) !== binaryen.GlobalSetId || binaryen.getExpressionInfo(set).name !== '~started')
    return;
  binaryen.Block.removeChildAt(body, 1);
  binaryen.Block.removeChildAt(body, 0);
}

/** Makes every exported function run the start function first, then drops its export. */
function transformStart(binaryen, module) {
  const startRef = module.getExport(START_EXPORT);
  if (!startRef) return;
  const startFn = binaryen.getExportInfo(startRef).value;
  module.removeExport(START_EXPORT);
  dropRunOnceGuard(binaryen, module, startFn);
  const exports = [];
  for (let i = 0, n = module.getNumExports(); i < n; i++) {
    const info = binaryen.getExportInfo(module.getExportByIndex(i));
    if (info.kind === binaryen.ExternalFunction) exports.push(info);
  }
  for (const { name, value } of exports) {
    const fn = binaryen.getFunctionInfo(module.getFunction(value));
    const params = binaryen.expandType(fn.params);
    const args = params.map((t, i) => module.local.get(i, t));
    const wrapper = `${value}~withStart`;
    module.addFunction(
      wrapper,
      fn.params,
      fn.results,
      [],
      module.block(null, [module.call(startFn, [], binaryen.none), module.call(value, args, fn.results)], fn.results),
    );
    module.removeExport(name);
    module.addFunctionExport(wrapper, name);
  }
}
