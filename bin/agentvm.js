#!/usr/bin/env node
// Launcher: agentvm needs Node >= 24 (type stripping, JSPI). If started by an older Node, re-run
// the CLI with the Node 24 that the package installs (npm package `node`).
import { spawnSync } from 'node:child_process';
import module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'cli.ts');
const major = Number(process.versions.node.split('.')[0]);
// V8's on-disk code cache (with type stripping) cuts start-up from ~1 s to ~0.35 s.
const cacheDir = join(tmpdir(), 'agentvm-compile-cache');
if (major >= 24) {
  module.enableCompileCache?.(cacheDir);
  await import(cli);
} else {
  let node;
  try {
    node = join(dirname(createRequire(import.meta.url).resolve('node/package.json')), 'bin', 'node');
  } catch {
    process.stderr.write(`agentvm: Node ${process.versions.node} is too old and the bundled Node 24 is missing: run npm install\n`);
    process.exit(1);
  }
  const r = spawnSync(node, [cli, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? cacheDir },
  });
  process.exit(r.status ?? 1);
}
