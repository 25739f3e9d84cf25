// Shared by the guard tests: capturing the update a client transaction produces.
import assert from 'node:assert/strict';
import * as Y from 'yjs';

export const files = (name: string) => name.startsWith('file:');

/** The (merged) update `fn` produces on `doc`. */
export function capture(doc: Y.Doc, fn: () => void): Uint8Array {
  let out: Uint8Array | null = null;
  const h = (u: Uint8Array) => { out = out === null ? u : Y.mergeUpdates([out, u]); };
  doc.on('update', h);
  doc.transact(fn);
  doc.off('update', h);
  assert.ok(out !== null);
  return out;
}
