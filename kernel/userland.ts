// The programs every VM starts with and the shared base image that lists them in /bin.
// Built once per host process, on first use, then shared read-only by all VMs.
//
// The GNU tools built to WebAssembly (wasm/dist, see wasm/README.md) come first: every command
// they provide is the upstream program. The JS utilities in kernel/bin cover what is not built
// (or every command, when the WASM userland has not been built at all).

import { shProgram } from './shell/sh.ts';
import { jsUtilities, utilityPaths } from './bin/index.ts';
import { createBaseImage, type BaseImage } from './vfs/baseimage.ts';
import { loadWasmUserland } from '../wasm/userland.ts';
import type { Program } from './types.ts';

export interface Userland {
  base: BaseImage;
  programs: Map<string, Program>;
  /** command name → where it comes from: 'wasm:<module>' (upstream build) or 'js' (kernel/bin). */
  origins: Map<string, string>;
}

let shared: Userland | undefined;

export function defaultUserland(): Userland {
  if (shared) return shared;
  const base = createBaseImage();
  const programs = new Map<string, Program>();
  const origins = new Map<string, string>();
  programs.set('bash', shProgram);
  programs.set('sh', shProgram);
  for (const p of ['/bin/bash', '/bin/sh', '/usr/bin/bash', '/usr/bin/sh']) base.installProgram(p, 'bash');
  const wasm = loadWasmUserland();
  for (const tool of wasm?.tools ?? []) programs.set(tool.program.name, tool.program);
  for (const [command, tool] of wasm?.commands ?? []) {
    for (const p of utilityPaths(command)) base.installProgram(p, tool.program.name);
    origins.set(command, `wasm:${tool.program.name}`);
  }
  for (const prog of jsUtilities) {
    if (origins.has(prog.name)) continue;
    programs.set(prog.name, prog);
    for (const p of utilityPaths(prog.name)) base.installProgram(p, prog.name);
    origins.set(prog.name, 'js');
  }
  shared = { base, programs, origins };
  return shared;
}
