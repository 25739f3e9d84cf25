// The `agentvm` import module: what WASI preview1 cannot express and the GNU tools need —
// processes (spawn, exec, wait, kill, ids), real descriptors (dup, FD_CLOEXEC, pipe, ioctl),
// modes and owners, a kernel working directory, statvfs. Installed next to
// wasi_snapshot_preview1 by Preview1.imports(); the C side is wasm/compat. Contract: wasm/ABI.md.

import { fdSyscalls } from './agentvm-fd.ts';
import { fsExtSyscalls } from './agentvm-fs.ts';
import { procSyscalls } from './agentvm-proc.ts';
import type { Syscall, SyscallContext } from './fs.ts';

export const AGENTVM_MODULE = 'agentvm';

/** Every `agentvm` import (name → body); wrapped like the preview1 calls (errno mapping, JSPI). */
export function agentvmSyscalls(ctx: SyscallContext): Record<string, Syscall> {
  return { ...procSyscalls(ctx), ...fdSyscalls(ctx), ...fsExtSyscalls(ctx) };
}
