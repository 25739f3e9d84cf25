import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kerr } from '../../kernel/errno.ts';
import {
  O_RDONLY, O_WRONLY, type OpenFile, type PathContext, type ProcInfo, type ProcSource, type Stat,
} from '../../kernel/types.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { dec, enc, throwsCode } from './helpers.ts';

/** A one-process table: the input /proc is generated from. */
function table(info: ProcInfo, fds: Map<number, string>): ProcSource {
  return {
    pids: () => [info.pid],
    info: (pid) => (pid === info.pid ? info : undefined),
    status: () => undefined,
    fdTargets: (pid) => (pid === info.pid ? fds : new Map()),
  };
}

/** A minimal non-VFS open file (like a pipe read end) for /dev/fd tests. */
class Chunks implements OpenFile {
  flags = O_RDONLY;
  offset = 0;
  readonly path = '';
  refs = 1;
  #data: Uint8Array[];
  constructor(...data: string[]) { this.#data = data.map(enc); }
  read(_max?: number): Uint8Array { return this.#data.shift() ?? new Uint8Array(0); }
  write(): number { throw kerr('EBADF', 'write'); }
  seek(): number { throw kerr('ESPIPE', 'lseek'); }
  stat(): Stat {
    return { dev: 9, ino: 77, mode: 0o010600, nlink: 1, uid: 1000, gid: 1000, rdev: 0, size: 0, blksize: 4096,
      blocks: 0, atimeMs: 0, mtimeMs: 0, ctimeMs: 0, birthtimeMs: 0 };
  }
  isatty(): boolean { return false; }
  ref(): void { this.refs++; }
  close(): void { this.refs--; }
}

const info: ProcInfo = { pid: 42, ppid: 1, pgid: 42, sid: 1, argv: ['grep', '-n', 'a b'], cwd: '/tmp', state: 'R', startMs: 0 };

test('/proc/self/cmdline is the NUL-separated argv of the caller', () => {
  const vfs = new Vfs();
  vfs.setProcSource(table(info, new Map()));
  const ctx: PathContext = { cwd: '/', uid: 1000, gid: 1000, umask: 0o022, pid: 42 };
  assert.equal(dec(vfs.readFile(ctx, '/proc/self/cmdline')), 'grep\0-n\0a b\0');
  assert.equal(vfs.readlink(ctx, '/proc/self'), '42');
  assert.equal(vfs.realpath(ctx, '/proc/self/cmdline'), '/proc/42/cmdline');
  assert.equal(vfs.readlink(ctx, '/proc/42/cwd'), '/tmp');
  assert.match(dec(vfs.readFile(ctx, '/proc/42/status')), /^Name:\tgrep\n(.|\n)*PPid:\t1\n/);
  assert.ok(vfs.readdir(ctx, '/proc').some((d) => d.name === '42' && d.type === 'dir'));
  throwsCode(() => vfs.open(ctx, '/proc/self/cmdline', O_WRONLY), 'EACCES');
  throwsCode(() => vfs.stat(ctx, '/proc/43'), 'ENOENT');
  throwsCode(() => vfs.stat({ cwd: '/', uid: 0, gid: 0, umask: 0 }, '/proc/self'), 'ENOENT');
});

test('/dev/fd/N reaches the caller\'s open file (process substitution)', () => {
  const vfs = new Vfs();
  vfs.setProcSource(table(info, new Map([[63, 'pipe:[77]'], [3, '/tmp/data']])));
  const pipe = new Chunks('from the pipe');
  const ctx: PathContext = {
    cwd: '/', uid: 1000, gid: 1000, umask: 0o022, pid: 42,
    openFd(fd: number): OpenFile {
      if (fd !== 63) throw kerr('EBADF', 'open');
      pipe.ref();
      return pipe;
    },
  };
  assert.equal(vfs.readlink(ctx, '/dev/fd/63'), 'pipe:[77]');
  assert.deepEqual(vfs.readdir(ctx, '/proc/self/fd').map((d) => d.name).sort(), ['3', '63']);
  const f = vfs.open(ctx, '/dev/fd/63', O_RDONLY);
  assert.equal(f, pipe, 'the same description');
  assert.equal(pipe.refs, 2, 'one reference for the new fd, none leaked');
  assert.equal(dec(f.read(100) as Uint8Array), 'from the pipe');
  const st = vfs.stat(ctx, '/dev/fd/63');
  assert.equal(st.ino, 77);
  assert.equal(st.mode & 0o170000, 0o010000, 'stat follows the magic link to the fifo');
  assert.equal(pipe.refs, 2, 'stat takes no reference');
  throwsCode(() => vfs.stat(ctx, '/dev/stdin'), 'ENOENT');
  f.close();
  assert.equal(pipe.refs, 1);
});

test('/proc/self/fd/N of a regular file reopens the same inode with a fresh offset', () => {
  const vfs = new Vfs();
  const base: PathContext = { cwd: '/tmp', uid: 1000, gid: 1000, umask: 0o022, pid: 42 };
  vfs.writeFile(base, 'data', enc('abcdef'));
  const fd3 = vfs.open(base, 'data', O_RDONLY);
  fd3.read(3);
  const ctx: PathContext = { ...base, openFd: (fd) => { if (fd !== 3) throw kerr('EBADF', 'open'); fd3.ref(); return fd3; } };
  vfs.unlink(base, 'data');
  const again = vfs.open(ctx, '/dev/fd/3', O_RDONLY);
  assert.notEqual(again, fd3);
  assert.equal(dec(again.read(100) as Uint8Array), 'abcdef', 'even after unlink, like Linux');
  again.close();
  fd3.close();
});
