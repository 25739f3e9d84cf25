// The GNU userland built by wasm/build/build.sh: wasm/dist/manifest.json lists every module and
// the commands it provides. Read once per host process; each module becomes one WasmProgram
// (compiled on its first run, then shared by every VM) installed at the Debian path of each of
// its commands. A multi-call module (coreutils) dispatches on basename(argv[0]).

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { WasmProgram } from './program.ts';

/** One manifest entry (written by wasm/build/build.sh). */
export interface ManifestEntry {
  file: string;
  package: string;
  debianVersion: string;
  license: string;
  commands: string[];
  sha256: string;
  bytes: number;
}

export interface WasmTool {
  /** The registered program (named after the module file, e.g. "coreutils"). */
  program: WasmProgram;
  /** The manifest entry it came from. */
  entry: ManifestEntry;
}

export interface WasmUserland {
  /** Where the modules were found. */
  dir: string;
  tools: WasmTool[];
  /** command name → its tool. */
  commands: Map<string, WasmTool>;
}

/** Default directory of the built modules: wasm/dist beside this file, or $AGENTVM_WASM_DIST. */
export function wasmDistDir(): string {
  return process.env.AGENTVM_WASM_DIST || fileURLToPath(new URL('./dist/', import.meta.url));
}

function validEntry(e: unknown): e is ManifestEntry {
  if (!e || typeof e !== 'object') return false;
  const m = e as Record<string, unknown>;
  return typeof m.file === 'string' && /^[\w.+-]+\.wasm$/.test(m.file) && Array.isArray(m.commands) &&
    m.commands.every((c) => typeof c === 'string' && /^[\w.+\-[]+$/.test(c));
}

/**
 * Commands a module builds that Debian installs from another package: they stay with that
 * package's program (coreutils' kill differs from procps' /bin/kill in its messages).
 */
const FROM_OTHER_PACKAGE: Record<string, string> = { kill: 'procps' };

const loaded = new Map<string, WasmUserland | null>();

/**
 * The userland in `dir` (default wasmDistDir()), or null when it has not been built (no
 * manifest). A manifest that exists but cannot be used throws with what to do.
 */
export function loadWasmUserland(dir: string = wasmDistDir()): WasmUserland | null {
  if (loaded.has(dir)) return loaded.get(dir)!;
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    loaded.set(dir, null);
    return null;
  }
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (e) {
    throw new Error(`${manifestPath} is not valid JSON (${(e as Error).message}): rebuild it with bash wasm/build/build.sh`);
  }
  if (!Array.isArray(entries)) throw new Error(`${manifestPath} must be an array of modules: rebuild it with bash wasm/build/build.sh`);
  const tools: WasmTool[] = [];
  const commands = new Map<string, WasmTool>();
  for (const entry of entries) {
    if (!validEntry(entry)) throw new Error(`${manifestPath}: malformed entry ${JSON.stringify(entry).slice(0, 120)}: rebuild it with bash wasm/build/build.sh`);
    const path = join(dir, entry.file);
    if (!existsSync(path)) continue; // listed but removed: its commands stay with the JS tools
    const tool: WasmTool = { program: new WasmProgram(entry.file.replace(/\.wasm$/, ''), path, { immutable: true }), entry };
    tools.push(tool);
    for (const c of entry.commands) {
      if (FROM_OTHER_PACKAGE[c] && FROM_OTHER_PACKAGE[c] !== entry.package) continue;
      if (!commands.has(c)) commands.set(c, tool);
    }
  }
  const u: WasmUserland = { dir, tools, commands };
  loaded.set(dir, u);
  return u;
}
