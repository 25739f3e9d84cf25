// Every module of wasm/dist/manifest.json must have differential cases (tools-cases/*.sh) that run
// one of its commands, so a newly built package cannot ship untested. Under CI=true a module
// without cases fails; elsewhere the test is skipped and names them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadToolCases, toolCasesDir } from './tools-harness.ts';
import { wasmDistDir } from '../../wasm/userland.ts';

const families = readdirSync(toolCasesDir).filter((f) => f.endsWith('.sh')).map((f) => f.slice(0, -3)).sort();
const used = new Set(families.flatMap((f) => loadToolCases(f)).flatMap((c) => c.tools));
const manifestFile = join(wasmDistDir(), 'manifest.json');
const modules = existsSync(manifestFile)
  ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as { file: string; commands: string[] }[])
  : [];
const untested = modules.filter((m) => !m.commands.some((c) => used.has(c))).map((m) => `${m.file} (${m.commands.join(' ')})`);
const ci = process.env.CI === 'true';

test('every wasm/dist module has differential tool cases', {
  skip: !ci && untested.length > 0 ? `no cases yet for ${untested.join(', ')}: add them to tools-cases/*.sh (fails under CI=true)` : undefined,
}, () => {
  assert.ok(modules.length > 0 || !ci, `CI=true but ${manifestFile} is missing: build the userland (npm run build:wasm)`);
  assert.deepEqual(untested, [], `modules without differential cases: ${untested.join(', ')}`);
});

test('each tool family has a runner test file', () => {
  const runners = readdirSync(join(toolCasesDir, '..')).filter((f) => /^tools-.+\.test\.ts$/.test(f));
  const missing = families.filter((f) => !runners.includes(`tools-${f}.test.ts`));
  assert.deepEqual(missing, [], `tools-cases/<family>.sh without a tools-<family>.test.ts: ${missing.join(', ')}`);
});
