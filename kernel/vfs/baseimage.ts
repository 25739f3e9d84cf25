// The read-only base tree every VM starts from, shared by all VMs of the host process.
//
// The embedder (or the kernel's userland setup) populates it with installProgram() and friends;
// each VM's Vfs takes a frozen snapshot of it when created and never writes to it. Changing the
// base after VMs exist is allowed: it affects VMs created afterwards only.

import { defaultLimits } from '../limits.ts';
import { S_IFCHR, S_IFDIR, S_IFLNK, S_IFREG } from '../types.ts';
import { DEV_FULL, DEV_NULL, DEV_RANDOM, DEV_TTY, DEV_URANDOM, DEV_ZERO } from './devices.ts';
import { Inode, ROOT_INO, utf8Length, type Snapshot } from './inode.ts';
import { components } from './path.ts';
import { MemStore } from './store.ts';

/** Text of an executable that runs a registered program (see Vfs.programOf). */
export const PROGRAM_MAGIC = 'agentvm-program ';

export function programContent(name: string): Uint8Array {
  return new TextEncoder().encode(`${PROGRAM_MAGIC}${name}\n`);
}

export class BaseImage {
  readonly #store: MemStore;
  readonly #now: number;
  #snap: Snapshot | null = null;
  #procIno = 0;

  constructor() {
    this.#now = Date.now();
    this.#store = new MemStore(null, ROOT_INO, defaultLimits, () => this.#now);
    const root = this.#node(S_IFDIR | 0o755, 0, 0);
    root.parent = ROOT_INO;
  }

  /** Creates (or re-points) an executable regular file that runs the registered program `name`. */
  installProgram(path: string, name: string): void {
    const n = this.#file(path, programContent(name), 0o755, 0, 0);
    n.program = name;
  }

  /** mkdir -p; existing directories keep their mode and owner. */
  mkdir(path: string, mode = 0o755, uid = 0, gid = 0): void {
    let dir = ROOT_INO;
    for (const name of components(path)) dir = this.#dirChild(dir, name, mode, uid, gid);
  }

  /** Creates or replaces a regular file (parent directories are created as root 0755). */
  writeFile(path: string, data: string | Uint8Array, mode = 0o644, uid = 0, gid = 0): void {
    this.#file(path, typeof data === 'string' ? new TextEncoder().encode(data) : data.slice(), mode, uid, gid);
  }

  symlink(target: string, path: string): void {
    const n = this.#create(path, S_IFLNK | 0o777, 0, 0);
    n.target = target;
    n.size = utf8Length(target);
  }

  /** A character device node with Linux device number rdev. */
  mknod(path: string, mode: number, rdev: number): void {
    const n = this.#create(path, S_IFCHR | (mode & 0o7777), 0, 0);
    n.rdev = rdev;
  }

  /** The frozen state new VMs start from (cached until the base changes). */
  snapshot(): Snapshot {
    if (this.#snap === null) {
      const layer = this.#store.freeze();
      this.#snap = { layer, nextIno: this.#store.nextIno, procIno: this.#procIno };
    }
    return this.#snap;
  }

  /** Marks the directory at `path` as the mount point of /proc. */
  setProcDir(path: string): void {
    this.mkdir(path, 0o555);
    this.#procIno = this.#lookup(path);
  }

  // ---- building ----

  #node(mode: number, uid: number, gid: number): Inode {
    this.#snap = null;
    const n = new Inode(this.#store.nextIno++, mode, uid, gid, this.#now);
    this.#store.put(n);
    return n;
  }

  #dirChild(dir: number, name: string, mode: number, uid: number, gid: number): number {
    const d = this.#store.get(dir)!;
    const existing = d.entries!.get(name);
    if (existing !== undefined) {
      if (!this.#store.get(existing)!.isDir()) throw new Error(`base image: ${name} is not a directory`);
      return existing;
    }
    const c = this.#node(S_IFDIR | mode, uid, gid);
    c.parent = dir;
    const pd = this.#store.mut(dir);
    this.#store.ownEntries(pd).set(name, c.ino);
    pd.nlink++;
    return c.ino;
  }

  #lookup(path: string): number {
    let ino = ROOT_INO;
    for (const name of components(path)) {
      const next = this.#store.get(ino)?.entries?.get(name);
      if (next === undefined) throw new Error(`base image: no such directory: ${path}`);
      ino = next;
    }
    return ino;
  }

  /** A new node at path, replacing a non-directory already there. */
  #create(path: string, mode: number, uid: number, gid: number): Inode {
    const parts = components(path);
    const name = parts.pop();
    if (name === undefined || name === '..') throw new Error(`base image: bad path ${path}`);
    let dir = ROOT_INO;
    for (const p of parts) dir = this.#dirChild(dir, p, 0o755, 0, 0);
    const old = this.#store.get(dir)!.entries!.get(name);
    if (old !== undefined && this.#store.get(old)!.isDir()) throw new Error(`base image: ${path} is a directory`);
    const n = this.#node(mode, uid, gid);
    const pd = this.#store.mut(dir);
    this.#store.ownEntries(pd).set(name, n.ino);
    return n;
  }

  #file(path: string, data: Uint8Array, mode: number, uid: number, gid: number): Inode {
    const n = this.#create(path, S_IFREG | (mode & 0o7777), uid, gid);
    n.data = data;
    n.size = data.length;
    return n;
  }
}

const OS_RELEASE = `PRETTY_NAME="agentvm"
NAME="agentvm"
ID=agentvm
VERSION_ID="0.1"
VERSION="0.1"
`;

/** A fresh base image with the standard Linux-like tree (no programs installed). */
export function createBaseImage(): BaseImage {
  const b = new BaseImage();
  for (const d of ['/bin', '/usr/bin', '/usr/local/bin', '/sbin', '/usr/sbin', '/lib', '/usr/lib',
    '/etc', '/home', '/var/log', '/dev', '/mnt', '/opt', '/srv', '/usr/share', '/run']) b.mkdir(d);
  b.mkdir('/home/user', 0o755, 1000, 1000);
  b.mkdir('/root', 0o700);
  b.mkdir('/tmp', 0o1777);
  b.mkdir('/var/tmp', 0o1777);
  b.mkdir('/dev/shm', 0o1777);
  b.setProcDir('/proc');
  b.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nuser:x:1000:1000::/home/user:/bin/bash\n');
  b.writeFile('/etc/group', 'root:x:0:\ntty:x:5:\nuser:x:1000:\n');
  b.writeFile('/etc/hostname', 'agentvm\n');
  b.writeFile('/etc/hosts', '127.0.0.1\tlocalhost\n127.0.1.1\tagentvm\n::1\tlocalhost ip6-localhost ip6-loopback\n');
  b.writeFile('/etc/os-release', OS_RELEASE);
  b.writeFile('/etc/shells', '/bin/sh\n/bin/bash\n/usr/bin/sh\n/usr/bin/bash\n');
  b.writeFile('/etc/profile', '# /etc/profile: system-wide profile for login shells (agentvm)\n');
  // Name-service configuration as on Debian: files first; no DNS server (egress is denied by default).
  b.writeFile('/etc/nsswitch.conf', 'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\nnetworks: files\n' +
    'protocols: files\nservices: files\nethers: files\nrpc: files\n');
  b.writeFile('/etc/host.conf', 'multi on\n');
  b.writeFile('/etc/resolv.conf', '# agentvm: no name server; the VM network denies egress unless the host allows it\n');
  b.writeFile('/etc/ld.so.conf', 'include /etc/ld.so.conf.d/*.conf\n');
  b.mknod('/dev/null', 0o666, DEV_NULL);
  b.mknod('/dev/zero', 0o666, DEV_ZERO);
  b.mknod('/dev/full', 0o666, DEV_FULL);
  b.mknod('/dev/random', 0o666, DEV_RANDOM);
  b.mknod('/dev/urandom', 0o666, DEV_URANDOM);
  b.mknod('/dev/tty', 0o666, DEV_TTY);
  b.symlink('/proc/self/fd/0', '/dev/stdin');
  b.symlink('/proc/self/fd/1', '/dev/stdout');
  b.symlink('/proc/self/fd/2', '/dev/stderr');
  b.symlink('/proc/self/fd', '/dev/fd');
  return b;
}

let defaultBase: BaseImage | null = null;

/** The process-wide default base image, created on first use. */
export function defaultBaseImage(): BaseImage {
  return (defaultBase ??= createBaseImage());
}
