// Build-time check: run one command in an agentvm VM (the product runtime, with the kernel
// behind the compat library's `agentvm` imports) on the modules of a wasm/dist directory.
//   node run-vm.ts <dist-dir> <host-dir> <argv0> [args...]
// Every module of <dist-dir>/manifest.json is installed under /usr/local/bin by its command
// names; <host-dir> is mounted at the same path and is the working directory. stdin, stdout and
// stderr are the host's; the exit status is the command's (128 + signal when killed).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createVM } from '../../index.ts';
import { WasmProgram } from '../index.ts';

const [distArg, dirArg, ...argv] = process.argv.slice(2);
if (!distArg || !dirArg || argv.length === 0) {
  process.stderr.write('usage: run-vm.ts <dist-dir> <host-dir> <argv0> [args...]\n');
  process.exit(2);
}
const dist = resolve(distArg);
const dir = resolve(dirArg);
const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { file: string; commands: string[] }[];
const vm = await createVM({ mounts: [{ host: dir, guest: dir }], cwd: dir, env: { LC_ALL: 'C', TZ: 'UTC' } });
for (const m of manifest) {
  vm.kernel.registerProgram(new WasmProgram(m.commands[0], join(dist, m.file)), m.commands.map((c) => `/usr/local/bin/${c}`));
}
const proc = vm.spawn(argv);
// stdin: copied until the host closes it or the command stops reading (EPIPE is not an error here)
void (async () => {
  const w = proc.stdin.getWriter();
  try {
    for await (const chunk of process.stdin) await w.write(chunk as Uint8Array);
    await w.close();
  } catch { /* the command exited or closed its stdin */ }
})();
async function pump(from: ReadableStream<Uint8Array>, to: NodeJS.WriteStream): Promise<void> {
  const reader = from.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    if (!to.write(value)) await new Promise((r) => to.once('drain', r));
  }
}
await Promise.all([pump(proc.stdout, process.stdout), pump(proc.stderr, process.stderr)]);
const st = await proc.wait();
await vm.dispose();
const code = st.signal !== undefined ? 128 + st.signal : st.exitCode;
process.stdout.write('', () => process.exit(code));
