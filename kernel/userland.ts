// The programs every VM starts with and the shared base image that lists them in /bin.
// Built once per host process, on first use, then shared read-only by all VMs.

import { shProgram } from './shell/sh.ts';
import { jsUtilities, utilityPaths } from './bin/index.ts';
import { createBaseImage, type BaseImage } from './vfs/baseimage.ts';
import type { Program } from './types.ts';

export interface Userland {
  base: BaseImage;
  programs: Map<string, Program>;
}

let shared: Userland | undefined;

export function defaultUserland(): Userland {
  if (shared) return shared;
  const base = createBaseImage();
  const programs = new Map<string, Program>();
  programs.set('bash', shProgram);
  programs.set('sh', shProgram);
  for (const p of ['/bin/bash', '/bin/sh', '/usr/bin/bash', '/usr/bin/sh']) base.installProgram(p, 'bash');
  for (const prog of jsUtilities) {
    programs.set(prog.name, prog);
    for (const p of utilityPaths(prog.name)) base.installProgram(p, prog.name);
  }
  shared = { base, programs };
  return shared;
}
