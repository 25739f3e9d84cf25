// Test helpers for the session store: node:sqlite wrapped into the actor's asynchronous
// `execute(sql, ...args)` shape, a fresh temp dir, and a VM tree snapshot for comparisons.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { SqlDb } from '../../actors/store.ts';
import type { VM } from '../../kernel/vm.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from '../../kernel/types.ts';

export interface TestDb extends SqlDb {
  readonly raw: DatabaseSync;
  /** Every statement executed, in order. */
  readonly calls: string[];
  /** When set and returning true for a statement, execute() rejects instead of running it. */
  failWhen: ((sql: string) => boolean) | null;
  close(): void;
}

/**
 * `blobs`: how BLOB columns come back (node:sqlite gives Uint8Array; other drivers give Buffer
 * or ArrayBuffer). Each call resolves on a later macrotask, like a real asynchronous driver.
 */
export function openSqlite(path: string, opts: { blobs?: 'uint8array' | 'buffer' | 'arraybuffer'; transaction?: boolean } = {}): TestDb {
  const raw = new DatabaseSync(path);
  const calls: string[] = [];
  const convert = (v: unknown): unknown => {
    if (!(v instanceof Uint8Array) || opts.blobs === undefined || opts.blobs === 'uint8array') return v;
    if (opts.blobs === 'buffer') return Buffer.from(v);
    return v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength);
  };
  const db: TestDb = {
    raw, calls, failWhen: null,
    async execute(sql: string, ...args: unknown[]): Promise<Record<string, unknown>[]> {
      await new Promise((r) => setImmediate(r));
      calls.push(sql);
      if (db.failWhen?.(sql)) throw new Error(`injected failure: ${sql.slice(0, 40)}`);
      const rows = raw.prepare(sql).all(...(args as never[])) as Record<string, unknown>[];
      return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, convert(v)])));
    },
    close() { raw.close(); },
  };
  if (opts.transaction) {
    // Like RivetKit's db.transaction(): statements of `fn` run on a tx handle between BEGIN and COMMIT.
    db.transaction = async <T>(fn: (tx: SqlDb) => Promise<T>): Promise<T> => {
      raw.exec('BEGIN');
      calls.push('tx:BEGIN');
      try {
        const r = await fn({ execute: (sql, ...args) => { calls.push(`tx:${sql}`); return db.execute(sql, ...args); } });
        raw.exec('COMMIT');
        calls.push('tx:COMMIT');
        return r;
      } catch (e) { raw.exec('ROLLBACK'); calls.push('tx:ROLLBACK'); throw e; }
    };
  }
  return db;
}

export function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'agentvm-store-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const ROOT = { cwd: '/', uid: 0, gid: 0, umask: 0o022 };

/** path → "type mode uid:gid mtime content" for the VM's whole tree outside /proc and /dev. */
export function treeOf(vm: VM, opts: { mtimes?: boolean } = {}): Map<string, string> {
  const vfs = vm.kernel.vfs;
  const out = new Map<string, string>();
  const walk = (path: string): void => {
    if (path === '/proc' || path === '/dev') return;
    const st = vfs.lstat(ROOT, path);
    const t = st.mode & S_IFMT;
    const own = `${(st.mode & 0o7777).toString(8)} ${st.uid}:${st.gid}`;
    const when = opts.mtimes && t !== S_IFLNK ? ` @${st.mtimeMs}` : '';
    if (t === S_IFREG) out.set(path, `file ${own}${when} ${Buffer.from(vfs.readFile(ROOT, path)).toString('base64')}`);
    else if (t === S_IFLNK) out.set(path, `symlink -> ${vfs.readlink(ROOT, path)}`);
    else if (t === S_IFDIR) {
      out.set(path, `dir ${own}${when}`);
      for (const d of vfs.readdir(ROOT, path)) {
        if (d.name !== '.' && d.name !== '..') walk(path === '/' ? `/${d.name}` : `${path}/${d.name}`);
      }
    } else out.set(path, `other ${st.mode.toString(8)}`);
  };
  walk('/');
  return out;
}

/** Lets vfs.watch deliver its events (they arrive in a microtask after the change). */
export function settle(): Promise<void> { return new Promise((r) => setImmediate(r)); }

/** Compares two treeOf() maps, reporting only the paths that differ. */
export function diffTrees(got: Map<string, string>, want: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [p, v] of want) if (got.get(p) !== v) out.push(`${p}: got ${got.get(p) ?? '(missing)'}, want ${v}`);
  for (const [p, v] of got) if (!want.has(p)) out.push(`${p}: got ${v}, want (missing)`);
  return out;
}
