// agentvm: a small Linux-like computer for every AI agent, inside the host's Node.js process.
export { createVM, VM } from './kernel/vm.ts';
export type { VMOptions, ExecOptions, ExecResult, SpawnOpts, VMProcess, PtyOptions, VMPty } from './kernel/vm.ts';
export { VmFs, VmStats, VmDirent } from './kernel/vmfs.ts';
export { KernelError, Errno } from './kernel/errno.ts';
export { defaultLimits } from './kernel/limits.ts';
export type { Limits } from './kernel/limits.ts';
export type { MountSpec, Program, Proc, VfsEvent, VfsListener } from './kernel/types.ts';
