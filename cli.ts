// The agentvm command line: `agentvm` (interactive shell in a fresh VM on a real PTY),
// `agentvm sh -c 'script'`, `agentvm sh file.sh args…`. Options: --mount host:guest[:ro],
// --env K=V, --cwd DIR.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createVM, type VM } from './index.ts';
import type { MountSpec } from './kernel/types.ts';

const usage = `usage: agentvm [options]                  interactive shell in a fresh VM
       agentvm serve [--port N] [--host H] [--data DIR] [--endpoint URL] [--engine-port N]
                                           the session server (REST API, Yjs sockets, web pane)
       agentvm new [--server URL] [--api-token T] [--name NAME]
                                           create a session on a running server and join it
       agentvm attach SOCKET_URL TOKEN     join a live session from this terminal
       agentvm [options] sh -c 'script' [name [args…]]
       agentvm [options] sh FILE [args…]      FILE is read from the host and run in the VM
options:
  --mount HOST:GUEST[:ro]   expose a host directory at GUEST (read-only with :ro)
  --env K=V                 set an environment variable in the VM (repeatable)
  --cwd DIR                 working directory inside the VM (default /home/user)
  -h, --help                show this help
`;

function fail(msg: string): never {
  process.stderr.write(`agentvm: ${msg}\n${usage}`);
  process.exit(2);
}

interface Parsed { mounts: MountSpec[]; env: Record<string, string>; cwd?: string; rest: string[] }

function parseArgs(args: string[]): Parsed {
  const out: Parsed = { mounts: [], env: {}, rest: [] };
  let i = 0;
  const value = (flag: string): string => {
    const v = args[++i];
    if (v === undefined) fail(`${flag} needs a value`);
    return v;
  };
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-h' || a === '--help') { process.stdout.write(usage); process.exit(0); }
    else if (a === '--mount' || a.startsWith('--mount=')) {
      const v = a === '--mount' ? value(a) : a.slice(8);
      const parts = v.split(':');
      if (parts.length < 2 || parts.length > 3 || !parts[0] || !parts[1] || (parts[2] !== undefined && parts[2] !== 'ro')) {
        fail(`--mount ${v}: expected HOST:GUEST or HOST:GUEST:ro`);
      }
      if (!parts[1].startsWith('/')) fail(`--mount ${v}: the guest path must be absolute`);
      out.mounts.push({ host: resolve(parts[0]), guest: parts[1], readOnly: parts[2] === 'ro' });
    } else if (a === '--env' || a.startsWith('--env=')) {
      const v = a === '--env' ? value(a) : a.slice(6);
      const eq = v.indexOf('=');
      if (eq <= 0) fail(`--env ${v}: expected K=V`);
      out.env[v.slice(0, eq)] = v.slice(eq + 1);
    } else if (a === '--cwd' || a.startsWith('--cwd=')) {
      out.cwd = a === '--cwd' ? value(a) : a.slice(6);
      if (!out.cwd.startsWith('/')) fail(`--cwd ${out.cwd}: must be an absolute VM path`);
    } else if (a.startsWith('-') && out.rest.length === 0) {
      fail(`unknown option ${a}`);
    } else {
      out.rest = args.slice(i);
      break;
    }
  }
  return out;
}

async function pump(stream: ReadableStream<Uint8Array>, to: NodeJS.WriteStream): Promise<void> {
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!to.write(value)) await new Promise((r) => to.once('drain', r));
  }
}

async function runCommand(vm: VM, argv: string[]): Promise<number> {
  const child = vm.spawn(argv);
  const writer = child.stdin.getWriter();
  const feed = async () => {
    if (process.stdin.isTTY) { await writer.close(); return; }
    try {
      for await (const chunk of process.stdin) await writer.write(chunk as Uint8Array);
      await writer.close();
    } catch { /* the program stopped reading */ }
  };
  void feed();
  const done = Promise.all([pump(child.stdout, process.stdout), pump(child.stderr, process.stderr)]);
  const st = await child.wait();
  await done;
  process.stdin.destroy();
  return st.exitCode;
}

async function interactive(vm: VM): Promise<number> {
  const stdin = process.stdin;
  const stdout = process.stdout;
  const term = vm.pty({ cols: stdout.columns || 80, rows: stdout.rows || 24 });
  term.onData((d) => stdout.write(d));
  const onResize = () => term.resize(stdout.columns || 80, stdout.rows || 24);
  stdout.on('resize', onResize);
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.on('data', (d: Buffer) => term.write(new Uint8Array(d)));
  stdin.resume();
  const st = await term.wait();
  if (stdin.isTTY) stdin.setRawMode(false);
  stdin.pause();
  stdout.off('resize', onResize);
  return st.exitCode;
}

function flags(args: string[], known: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (a === '-h' || a === '--help') { process.stdout.write(usage); process.exit(0); }
    if (!a.startsWith('--') || !known.includes(name)) fail(`unknown argument ${a}`);
    const v = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (v === undefined) fail(`--${name} needs a value`);
    out[name] = v;
  }
  return out;
}

function portFlag(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) fail(`--${name} ${v}: expected a port number`);
  return n;
}

async function serve(args: string[]): Promise<number> {
  const f = flags(args, ['port', 'host', 'data', 'endpoint', 'engine-port', 'api-token']);
  const { startServer } = await import('./web/server.ts');
  const s = await startServer({
    port: portFlag(f.port ?? process.env.PORT, 'port') ?? 8080, host: f.host, dataDir: f.data, endpoint: f.endpoint,
    enginePort: portFlag(f['engine-port'], 'engine-port'), apiToken: f['api-token'],
  });
  // a server bound to every interface is opened in a browser on this machine as localhost
  const browse = s.url.replace(/^http:\/\/(?:0\.0\.0\.0|\[::\])(?=:)/, 'http://localhost');
  process.stdout.write(`\n  open in a browser:  ${browse}/#token=${encodeURIComponent(s.apiToken)}\n\n` +
    `agentvm server on ${s.url} (engine ${s.engineEndpoint}, data ${s.dataDir})\n` +
    `API token: ${s.apiToken}\n` +
    `new session in a terminal:  npx agentvm new --server ${s.url}\n` +
    `or over HTTP:               curl -s -X POST -H 'authorization: Bearer ${s.apiToken}' ${s.url}/api/sessions\n`);
  await new Promise<void>((resolve) => {
    const stop = () => { process.stdout.write('agentvm: shutting down (flushing sessions)…\n'); resolve(); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await s.close();
  process.exit(0);
}

async function main(): Promise<number> {
  const [first, ...more] = process.argv.slice(2);
  if (first === 'serve') return serve(more);
  if (first === 'attach') {
    if (more.length !== 2) fail('attach needs SOCKET_URL and TOKEN (both printed when the session was created)');
    const { attach } = await import('./web/attach.ts');
    process.exit(await attach(more[0]!, more[1]!)); // the socket library's timers would keep the process up
  }
  if (first === 'new') {
    const f = flags(more, ['server', 'api-token', 'name', 'data']);
    const { createAndAttach } = await import('./web/attach.ts');
    const { readFileSync: read, existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { homedir } = await import('node:os');
    const tokenFile = join(f.data ?? process.env.AGENTVM_DATA ?? join(homedir(), '.agentvm'), 'api-token');
    const apiToken = f['api-token'] ?? process.env.AGENTVM_API_TOKEN ?? (existsSync(tokenFile) ? read(tokenFile, 'utf8').trim() : undefined);
    if (!apiToken) fail(`no API token: pass --api-token (printed by agentvm serve) or run on the server's machine (${tokenFile})`);
    process.exit(await createAndAttach(f.server ?? 'http://127.0.0.1:8080', apiToken, f.name));
  }
  const opts = parseArgs(process.argv.slice(2));
  const vm = await createVM({ mounts: opts.mounts, env: opts.env, cwd: opts.cwd });
  try {
    const [cmd, ...args] = opts.rest;
    if (cmd === undefined) return await interactive(vm);
    if (cmd !== 'sh' && cmd !== 'bash') fail(`unknown command '${cmd}' (try: agentvm sh -c 'echo hi')`);
    if (args.length === 0) return await interactive(vm);
    if (args[0] === '-c') {
      if (args[1] === undefined) fail('sh -c needs a script');
      return await runCommand(vm, ['bash', ...args]);
    }
    if (args[0]!.startsWith('-')) return await runCommand(vm, ['bash', ...args]);
    let script: string;
    try { script = readFileSync(args[0]!, 'utf8'); } catch (e) {
      fail(`cannot read ${args[0]}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    return await runCommand(vm, ['bash', '-c', script, args[0]!, ...args.slice(1)]);
  } finally {
    await vm.dispose();
  }
}

main().then((code) => { process.exitCode = code; }, (e) => {
  process.stderr.write(`agentvm: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
