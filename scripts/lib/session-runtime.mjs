// The runtime sessions are built with: asc's `stub` runtime (`--runtime stub`), specialised for
// code that runs once in a fresh instance and is then discarded. The build serves this source
// to asc as `~lib/rt/stub` for the duration of a session compile (the jest harness modules keep
// asc's own).
//
// Differences from asc 0.28's rt/stub.ts, none of them visible to session code:
// - Memory is never reused: `__free` does nothing and `__realloc` / `__renew` always move to a
//   new block (asc's stub grows or shrinks the last block in place, and a shrink or a free
//   hands the same bytes out again). So every block comes from memory no one wrote before and
//   is all zero bytes: the object header's two GC words (never read without a collector) are
//   not stored, and blocks have no BLOCK header (asc's mmInfo, the block's size), which only
//   asc's stub `__realloc` / `__free` read: a block is its 16-byte-aligned payload.
// - Memory grows by exactly the pages needed (asc's stub asks for as many pages again as it
//   has, then falls back to the pages needed): the smallest `memory.grow` charge on the node.
//   Past the node's 64 pages `memory.grow` fails and the allocation traps, as before.
// - "Allocation too large" (a size over 2^30) still throws, i.e. reverts with
//   ApiError::Unhandled (31) in a session; `__new` leaves the check to `__alloc`.
// Object layout (the OBJECT header before a managed object), alignment (16 bytes) and the
// runtime interface are asc's.

/** AssemblyScript source of the session runtime (served as `~lib/rt/stub`). */
export const SESSION_RUNTIME_SOURCE = `
import { AL_MASK, OBJECT, OBJECT_OVERHEAD, BLOCK_MAXSIZE, BLOCK_OVERHEAD, BLOCK, OBJECT_MAXSIZE } from "./common";
import { E_ALLOCATION_TOO_LARGE } from "../util/error";

// @ts-ignore: decorator
@lazy let startOffset: usize = (__heap_base + AL_MASK) & ~AL_MASK;
// @ts-ignore: decorator
@lazy let offset: usize = startOffset;

// @ts-ignore: decorator
@unsafe @global
export function __alloc(size: usize): usize {
  if (size > BLOCK_MAXSIZE) throw new Error(E_ALLOCATION_TOO_LARGE);
  let ptr = offset; // (no block header: nothing reads one)
  let end = (ptr + size + AL_MASK) & ~AL_MASK;
  let pages = memory.size();
  if (end > <usize>pages << 16) {
    if (memory.grow(<i32>((end + 0xffff) >>> 16) - pages) < 0) unreachable(); // out of memory
  }
  offset = end;
  return ptr;
}

// @ts-ignore: decorator
@unsafe @global
export function __realloc(ptr: usize, size: usize): usize {
  // A new block with the old one's bytes: all of them, as the block sizes are not recorded, the
  // bytes up to the heap's end are copied (at most \`size\`).
  let newPtr = __alloc(size);
  let n = min<usize>(size, newPtr - ptr);
  for (let i: usize = 0; i < n; i++) store<u8>(newPtr + i, load<u8>(ptr + i));
  return newPtr;
}

// @ts-ignore: decorator
@unsafe @global
export function __free(ptr: usize): void {
  // never reused
}

// @ts-ignore: decorator
@unsafe @global
export function __reset(): void { // special
  offset = startOffset;
}

// @ts-ignore: decorator
@unsafe @global
export function __new(size: usize, id: u32): usize {
  // (__alloc rejects OBJECT_OVERHEAD + size > BLOCK_MAXSIZE, i.e. size > OBJECT_MAXSIZE; sizes
  // within 16 of 2^32, which would wrap, come from no code that allocates.)
  let ptr = __alloc(OBJECT_OVERHEAD + size);
  let object = changetype<OBJECT>(ptr - BLOCK_OVERHEAD);
  object.rtId = id;
  object.rtSize = <u32>size;
  return ptr + OBJECT_OVERHEAD;
}

// @ts-ignore: decorator
@unsafe @global
export function __renew(oldPtr: usize, size: usize): usize {
  let old = changetype<OBJECT>(oldPtr - OBJECT_OVERHEAD - BLOCK_OVERHEAD);
  let newPtr = __new(size, old.rtId);
  let n = min<usize>(old.rtSize, size);
  for (let i: usize = 0; i < n; i++) store<u8>(newPtr + i, load<u8>(oldPtr + i));
  return newPtr;
}

// @ts-ignore: decorator
@global @unsafe
export function __link(parentPtr: usize, childPtr: usize, expectMultiple: bool): void {
  // nop
}

// @ts-ignore: decorator
@global @unsafe
export function __pin(ptr: usize): usize {
  return ptr;
}

// @ts-ignore: decorator
@global @unsafe
export function __unpin(ptr: usize): void {
  // nop
}

// @ts-ignore: decorator
@global @unsafe
function __visit(ptr: usize, cookie: u32): void { // eslint-disable-line @typescript-eslint/no-unused-vars
  // nop
}

// @ts-ignore: decorator
@global @unsafe
export function __collect(): void {
  // nop
}
`;

/**
 * The standard-library files a session is compiled with, given asc's (`asc.libraryFiles`): the
 * runtime above as `rt/stub`, and where asc clears memory it has just allocated
 * (`memory.fill(…, 0, …)` after `__new` / `__renew`, skipped by asc itself for the incremental
 * runtime, whose allocations are zeroed), those fills dropped: memory from this runtime is zero
 * too. `__newBuffer` copies a static array's data with a byte loop instead of `memory.copy`
 * (without bulk memory, asc's memmove, ~100 bytes; a fresh buffer never overlaps its source).
 * Throws when asc's sources are not the ones these edits were made for.
 */
export function sessionLibraryFiles(stock) {
  const patch = (name, from, to, count) => {
    const parts = stock[name].split(from);
    if (parts.length - 1 !== count) throw new Error(`session runtime: ~lib/${name} is not asc 0.28.20's`);
    return parts.join(to);
  };
  const zeroed = 'if (ASC_RUNTIME != Runtime.Incremental) {';
  const skip = 'if (false) { // session runtime: allocations are zeroed';
  return {
    'rt/stub': SESSION_RUNTIME_SOURCE,
    array: patch('array', zeroed, skip, 2),
    arraybuffer: patch('arraybuffer', zeroed, skip, 2),
    staticarray: patch('staticarray', zeroed, skip, 1),
    rt: patch(
      'rt',
      'if (data) memory.copy(buffer, data, size);',
      'if (data) for (let i: usize = 0; i < size; i++) store<u8>(buffer + i, load<u8>(data + i));',
      1,
    ),
  };
}
