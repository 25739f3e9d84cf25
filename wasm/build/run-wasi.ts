// Build-time check only: run one wasm/dist module under node:wasi with a host
// directory preopened. (The product runs modules in agentvm's own WASI runtime.)
//   node run-wasi.ts <module.wasm> <host-dir> <argv0> [args...]
// The host dir is mounted at the same path inside the module and PWD is set to it,
// so the compat start-up code chdir()s there. stdin/stdout/stderr are the host's.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const [modulePath, dir, ...args] = process.argv.slice(2);
if (!modulePath || !dir || args.length === 0) {
  process.stderr.write('usage: run-wasi.ts <module.wasm> <host-dir> <argv0> [args...]\n');
  process.exit(2);
}
const wasi = new WASI({
  version: 'preview1',
  args,
  env: { PWD: dir, HOME: dir, PATH: '/bin', LC_ALL: 'C', TZ: 'UTC' },
  preopens: { [dir]: dir },
  returnOnExit: true,
});
const module = await WebAssembly.compile(readFileSync(modulePath));
// The compat library imports agentvm's kernel calls (wasm/ABI.md); node:wasi has no kernel:
// each answers ENOSYS (52) and the compat library falls back to preview1 behaviour.
const agentvm = Object.fromEntries(WebAssembly.Module.imports(module)
  .filter((i) => i.module === 'agentvm').map((i) => [i.name, () => 52]));
const instance = await WebAssembly.instantiate(module, { ...wasi.getImportObject(), agentvm } as WebAssembly.Imports);
process.exitCode = wasi.start(instance);
