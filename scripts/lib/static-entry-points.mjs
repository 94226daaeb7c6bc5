// Build-time entry points. An install session builds its contract's entry points as Rust does:
//   const entryPoints = new EntryPoints();
//   entryPoints.addEntryPoint(new EntryPoint('set_all', [Parameter.of<u8>('weight')], …));
//   …
// Every value in those statements is a constant, so the release build encodes the map itself
// and the session carries its bytes instead of the code that builds, sorts and encodes it:
//   1. find each such chain in the session's source (the TypeScript parser): a declaration
//      `const|let X = new EntryPoints()` followed by `X.addEntryPoint(…)` statements whose
//      arguments are built only from literals, the file's top-level constants and the SDK's
//      side-effect-free builders (EntryPoint, Parameter.of, clTypeBytes, …), none of them
//      shadowed by a local of the function around them;
//   2. compile the session once more with a probe per chain appended, an exported function that
//      runs the chain's own statements and returns `X.toEncoded()`; run the probes (no host
//      function may be called: a probe that calls one, or traps, leaves its chain alone);
//   3. compile the session with each chain replaced by
//      `const X = EntryPoints.fromEncoded(memory.data<u8>([…the bytes…]))` and
//      CASPER_ENCODED_ENTRY_POINTS defined. Under that define the SDK cannot compile a map built
//      at run time (a compile error), so a session that also builds one falls back to the
//      ordinary build.
// The bytes are those the SDK's own code produced from the same statements in the same module,
// so the map is the same; the debug build keeps the original source, for its source lines.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The probe export of chain i. */
export const probeName = (i) => `__casper_entry_points_${i}`;

/** Names declared anywhere inside a function-like node: parameters and every binding. */
function declaredNames(ts, fn) {
  const names = new Set();
  const addBinding = (name) => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const el of name.elements) if (!ts.isOmittedExpression(el)) addBinding(el.name);
  };
  const visit = (node) => {
    if (ts.isParameter(node) || ts.isVariableDeclaration(node) || ts.isBindingElement(node)) addBinding(node.name);
    else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return names;
}

/** SDK names a constant entry point may be built from (values; type arguments are free). */
const SDK_NAMES = new Set([
  'EntryPoint',
  'EntryPointAccess',
  'EntryPointType',
  'Parameter',
  'CLTypeTag',
  'clTypeBytes',
  'clTypeSimple',
  'clTypeOption',
  'clTypeList',
  'clTypeByteArray',
  'clTypeResult',
  'clTypeMap',
  'clTypeTuple1',
  'clTypeTuple2',
  'clTypeTuple3',
]);

/** SDK calls without side effects that a constant entry point may make: `Owner.member` or a function name. */
const SDK_CALLS = new Set([
  'Parameter.of',
  'Parameter.withType',
  'EntryPointAccess.public',
  'EntryPointAccess.groups',
  ...[...SDK_NAMES].filter((n) => n.startsWith('clType')),
]);

/**
 * True when `expr` is built only from literals, the file's top-level constants (`consts`, none
 * of them shadowed by `locals`) and the side-effect-free SDK builders: so that running it once
 * at build time is the same as running it at every install.
 */
function isConstant(ts, expr, consts, locals) {
  const ok = (e) => isConstant(ts, e, consts, locals);
  const name = (e) => (ts.isIdentifier(e) ? e.text : null);
  const callee = (e) => {
    if (ts.isIdentifier(e)) return e.text;
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) return `${e.expression.text}.${e.name.text}`;
    return null;
  };
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isTypeAssertionExpression(expr)) {
    return ok(expr.expression);
  }
  if (
    ts.isStringLiteral(expr) ||
    ts.isNoSubstitutionTemplateLiteral(expr) ||
    ts.isNumericLiteral(expr) ||
    expr.kind === ts.SyntaxKind.TrueKeyword ||
    expr.kind === ts.SyntaxKind.FalseKeyword
  ) {
    return true;
  }
  if (ts.isPrefixUnaryExpression(expr)) return expr.operator === ts.SyntaxKind.MinusToken && ok(expr.operand);
  if (ts.isIdentifier(expr)) return !locals.has(expr.text) && (consts.has(expr.text) || SDK_NAMES.has(expr.text));
  if (ts.isPropertyAccessExpression(expr)) {
    // EntryPointType.Session, CLTypeTag.U8: members of SDK namespaces.
    const owner = name(expr.expression);
    return owner !== null && !locals.has(owner) && SDK_NAMES.has(owner);
  }
  if (ts.isArrayLiteralExpression(expr)) return expr.elements.every(ok);
  if (ts.isCallExpression(expr)) {
    const c = callee(expr.expression);
    return c !== null && !locals.has(c.split('.')[0]) && SDK_CALLS.has(c) && expr.arguments.every(ok);
  }
  if (ts.isNewExpression(expr)) {
    const c = name(expr.expression);
    return (
      (c === 'EntryPoint' || c === 'Parameter' || c === 'EntryPointAccess') &&
      !locals.has(c) &&
      (expr.arguments ?? []).every(ok)
    );
  }
  return false;
}

/** The names of the file's top-level `const` declarations. */
function topLevelConsts(ts, sf) {
  const names = new Set();
  for (const stmt of sf.statements) {
    if (!ts.isVariableStatement(stmt) || !(stmt.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
  }
  return names;
}

/** `X.addEntryPoint(arg)` as a statement: arg, else null. */
function addedEntryPoint(ts, stmt, name) {
  if (!ts.isExpressionStatement(stmt)) return null;
  const call = stmt.expression;
  if (!ts.isCallExpression(call) || call.arguments.length !== 1) return null;
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'addEntryPoint') return null;
  if (!ts.isIdentifier(callee.expression) || callee.expression.text !== name) return null;
  return call.arguments[0];
}

/**
 * The chains in `source`: [{ keyword, name, className, start, end, statements }], `start..end`
 * the span from the declaration to the last addEntryPoint statement, `statements` the text of
 * those statements.
 */
export function findChains(source) {
  const ts = require('typescript');
  const sf = ts.createSourceFile('session.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const consts = topLevelConsts(ts, sf);
  const chains = [];
  const scan = (statements, locals) => {
    for (let i = 0; i < statements.length; i++) {
      const decl = statements[i];
      if (!ts.isVariableStatement(decl) || decl.declarationList.declarations.length !== 1) continue;
      const flags = decl.declarationList.flags;
      if (!(flags & (ts.NodeFlags.Const | ts.NodeFlags.Let))) continue;
      const d = decl.declarationList.declarations[0];
      const init = d.initializer;
      if (!ts.isIdentifier(d.name) || !init || !ts.isNewExpression(init)) continue;
      if (!ts.isIdentifier(init.expression) || init.expression.text !== 'EntryPoints') continue;
      if ((init.arguments?.length ?? 0) !== 0 || init.typeArguments) continue;
      const name = d.name.text;
      let j = i + 1;
      while (j < statements.length) {
        const arg = addedEntryPoint(ts, statements[j], name);
        if (!arg || !isConstant(ts, arg, consts, locals)) break;
        j++;
      }
      if (j === i + 1) continue;
      const first = statements[i + 1];
      const last = statements[j - 1];
      chains.push({
        keyword: flags & ts.NodeFlags.Const ? 'const' : 'let',
        name,
        className: init.expression.text,
        start: decl.getStart(sf),
        end: last.getEnd(),
        statements: source.slice(first.getStart(sf), last.getEnd()),
      });
      i = j - 1;
    }
  };
  const visit = (node, locals) => {
    if (ts.isFunctionLike(node) && node.body) locals = declaredNames(ts, node);
    if (ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node)) scan(node.statements, locals);
    ts.forEachChild(node, (child) => visit(child, locals));
  };
  visit(sf, new Set());
  return chains.sort((a, b) => a.start - b.start); // in source order, as withEncodedMaps needs
}

/** `source` with a probe export appended per chain. */
export function withProbes(source, chains) {
  const probes = chains.map(
    (c, i) =>
      `\nexport function ${probeName(i)}(): usize {\n  const ${c.name} = new ${c.className}();\n` +
      `  ${c.statements}\n  return ${c.name}.toEncoded();\n}\n`,
  );
  return `${source}\n${probes.join('')}`;
}

/**
 * Runs the probes of a compiled module (its bytes after the static-string pass): the map bytes
 * of each chain (u32 length ‖ bytesrepr), or null where a probe called a host function or trapped.
 */
export function runProbes(binaryen, bytes, count) {
  const mod = binaryen.readBinary(bytes);
  let wasm;
  try {
    mod.setFeatures(binaryen.Features.MVP);
    mod.addMemoryExport('0', '__casper_memory');
    wasm = mod.emitBinary();
  } finally {
    mod.dispose();
  }
  const hostCall = () => {
    throw new Error('a host function was called');
  };
  const env = new Proxy({}, { get: () => hostCall });
  const out = [];
  for (let i = 0; i < count; i++) {
    try {
      // A fresh instance per probe: each starts from the module's initial memory.
      const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), { env });
      const ptr = instance.exports[probeName(i)]() >>> 0;
      const memory = new Uint8Array(instance.exports.__casper_memory.buffer);
      const length = new DataView(memory.buffer).getUint32(ptr, true);
      out.push(memory.slice(ptr, ptr + 4 + length));
    } catch {
      out.push(null);
    }
  }
  return out;
}

/** `source` with each chain whose bytes are known replaced by the map from those bytes. */
export function withEncodedMaps(source, chains, encodings) {
  let out = source;
  for (let i = chains.length - 1; i >= 0; i--) {
    const c = chains[i];
    const bytes = encodings[i];
    if (!bytes) continue;
    const data = `memory.data<u8>([${Array.from(bytes).join(', ')}])`;
    out = `${out.slice(0, c.start)}${c.keyword} ${c.name} = ${c.className}.fromEncoded(${data});${out.slice(c.end)}`;
  }
  return out;
}
