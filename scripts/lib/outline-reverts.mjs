// Outlines the SDK's most repeated shape: revert on a non-zero code. After asc's optimizer,
// `if (ret != 0) revert(ret)` is `(if (local.tee $r E) (then (call $revert (local.get $r))))`
// and `if (cond) revert(K)` is `(if C (then (call $revert (i32.const K))))`, a dozen of each
// in a session. They become calls of two small functions, `revertIfNot0(local.tee $r E)` and
// `revertIf(C, K)`, each 3 to 5 bytes shorter than the code it replaces. `$revert` is the
// function whose body is `casper_revert(code)` then `unreachable` (assembly/error.ts).

const REVERT_IMPORT = 'casper_revert';

/**
 * Returns the module with the two revert shapes outlined (binaryen IR; `childrenOf` as in
 * static-strings.mjs), or `bytes` when there is nothing to do.
 */
export function outlineReverts(b, bytes, childrenOf) {
  const mod = b.readBinary(bytes);
  try {
    mod.setFeatures(b.Features.MVP);
    let hostRevert = null;
    const fns = [];
    for (let i = 0, n = mod.getNumFunctions(); i < n; i++) {
      const f = b.getFunctionInfo(mod.getFunctionByIndex(i));
      if (f.module === 'env' && f.base === REVERT_IMPORT) hostRevert = f.name;
      else if (!f.module) fns.push(f);
    }
    if (hostRevert === null) return bytes;
    // The SDK's revert: (param i32) → calls the import with it, then traps.
    const revert = fns.find((f) => {
      if (b.expandType(f.params).length !== 1 || f.results !== b.none || b.getExpressionId(f.body) !== b.BlockId)
        return false;
      if (b.Block.getNumChildren(f.body) !== 2) return false;
      const [call, trap] = [b.Block.getChildAt(f.body, 0), b.Block.getChildAt(f.body, 1)];
      return (
        b.getExpressionId(call) === b.CallId &&
        b.Call.getTarget(call) === hostRevert &&
        b.getExpressionId(b.Call.getOperandAt(call, 0)) === b.LocalGetId &&
        b.getExpressionId(trap) === b.UnreachableId
      );
    })?.name;
    if (!revert) return bytes;

    const sites = []; // { kind: 'code' | 'const', e, set, fn }
    const isRevertCall = (e) => e && b.getExpressionId(e) === b.CallId && b.Call.getTarget(e) === revert;
    for (const f of fns) {
      const ref = mod.getFunction(f.name);
      const walk = (e, set) => {
        if (b.getExpressionId(e) === b.IfId && !b.If.getIfFalse(e) && isRevertCall(b.If.getIfTrue(e))) {
          const cond = b.If.getCondition(e);
          const arg = b.Call.getOperandAt(b.If.getIfTrue(e), 0);
          if (
            b.getExpressionId(cond) === b.LocalSetId &&
            b.LocalSet.isTee(cond) &&
            b.getExpressionId(arg) === b.LocalGetId &&
            b.LocalGet.getIndex(arg) === b.LocalSet.getIndex(cond)
          )
            sites.push({ kind: 'code', e, set });
          else if (b.getExpressionId(arg) === b.ConstId) sites.push({ kind: 'const', e, set });
        }
        for (const [c, s] of childrenOf(b, e)) walk(c, s);
      };
      if (f.body) walk(f.body, (x) => b.Function.setBody(ref, x));
    }
    // (A `code` site keeps its tee: the local may be read later; if not, binaryen drops it.)
    const codeSites = sites.filter((s) => s.kind === 'code');
    const constSites = sites.filter((s) => s.kind === 'const');
    // Each helper only pays for itself from a few uses on.
    if (codeSites.length >= 3) {
      const name = '~casper_revertIfNot0';
      mod.addFunction(
        name,
        b.i32,
        b.none,
        [],
        mod.if(mod.local.get(0, b.i32), mod.call(revert, [mod.local.get(0, b.i32)], b.none)),
      );
      for (const s of codeSites) s.set(mod.call(name, [b.If.getCondition(s.e)], b.none));
    }
    if (constSites.length >= 4) {
      const name = '~casper_revertIf';
      mod.addFunction(
        name,
        b.createType([b.i32, b.i32]),
        b.none,
        [],
        mod.if(mod.local.get(0, b.i32), mod.call(revert, [mod.local.get(1, b.i32)], b.none)),
      );
      for (const s of constSites) {
        const k = b.Call.getOperandAt(b.If.getIfTrue(s.e), 0);
        s.set(mod.call(name, [b.If.getCondition(s.e), k], b.none));
      }
    }
    if (!mod.validate()) throw new Error('outline reverts: the rewritten module does not validate');
    return mod.emitBinary();
  } finally {
    mod.dispose();
  }
}
