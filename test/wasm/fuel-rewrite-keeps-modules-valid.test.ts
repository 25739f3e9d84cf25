// The fuel rewrite (wasm/fuel.ts) adds an import, which moves every defined function: calls,
// ref.func, element segments, exports, start and names must all follow, branch depths change
// around wrapped loops, and the result must validate and compute exactly what the original did.
// Checked on a hand-assembled module that uses each of these, and on every wasm/dist module
// (validation + the same output with and without fuel for a few commands of each package).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createVM } from '../../index.ts';
import { WasmProgram } from '../../wasm/index.ts';
import { FUEL_MODULE, FUEL_TICK, WasmRewriteError, addFuel, fuelOrWarn } from '../../wasm/fuel.ts';

// ---- a tiny assembler
const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const str = (s: string): number[] => [...leb(s.length), ...new TextEncoder().encode(s)];
const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
const body = (locals: number[][], code: number[]): number[] => {
  const b = [...vec(locals), ...code];
  return [...leb(b.length), ...b];
};
const module = (...sections: number[][]): Uint8Array<ArrayBuffer> => new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...sections.flat()]);

const I32 = 0x7f;
const buf = (b: Uint8Array): Uint8Array<ArrayBuffer> => b as Uint8Array<ArrayBuffer>;
const incr = (acc: number, by: number): number[] => [0x20, acc, 0x20, by, 0x6a, 0x21, acc]; // acc += by
const inc = (x: number): number[] => [0x20, x, 0x41, 1, 0x6a, 0x21, x]; // x++
// functions: import 0 twice(x); 1 sum 2 viaTable 3 fact 4 start 5 getg 6 refcall 7 boom 8 early
// 9 brfn 10 table 11 loopcall 12 tail 13 tailimp
const renumbering = module(
  section(1, vec([[0x60, 1, I32, 1, I32], [0x60, 0, 0], [0x60, 0, 1, I32]])),
  section(2, vec([[...str('env'), ...str('twice'), 0, 0]])),
  section(3, vec([0, 0, 0, 1, 2, 0, 1, 0, 0, 0, 0, 0, 0].map((t) => [t]))),
  section(4, vec([[0x70, 0, 1], [0x70, 0, 1]])),
  section(6, vec([[I32, 1, 0x41, 0, 0x0b], [0x70, 0, 0xd2, 3, 0x0b]])),
  section(7, vec([['sum', 1], ['viaTable', 2], ['fact', 3], ['getg', 5], ['refcall', 6], ['boom', 7], ['early', 8],
    ['brfn', 9], ['table', 10], ['loopcall', 11], ['tail', 12], ['tailimp', 13]].map(([n, i]) => [...str(n as string), 0, i as number]))),
  section(8, [4]),
  section(9, vec([[4, 0x41, 0, 0x0b, ...vec([[0xd2, 1, 0x0b]])], [1, 0, ...vec([[7]])]])),
  section(10, vec([
    // sum(n): 2 * (0 + … + n-1) + g — a loop left by br_if to a block; calls after it
    body([[2, I32]], [0x02, 0x40, 0x03, 0x40, 0x20, 1, 0x20, 0, 0x4f, 0x0d, 1, ...incr(2, 1), ...inc(1), 0x0c, 0, 0x0b, 0x0b,
      0x20, 2, 0x10, 0, 0x10, 5, 0x6a, 0x0b]),
    body([], [0x20, 0, 0x41, 0, 0x11, 0, 0, 0x0b]), // viaTable(n) = table0[0](n) = sum(n)
    body([], [0x20, 0, 0x45, 0x04, I32, 0x41, 1, 0x05, 0x20, 0, 0x20, 0, 0x41, 1, 0x6b, 0x10, 3, 0x6c, 0x0b, 0x0b]), // fact
    body([], [0x41, 7, 0x24, 0, 0x0b]), // start: g = 7
    body([], [0x23, 0, 0x0b]), // getg
    body([], [0x41, 0, 0x23, 1, 0x26, 1, 0x20, 0, 0x41, 0, 0x11, 0, 1, 0x0b]), // refcall(n): table1[0] = global 1 (fact)
    body([], [0x00, 0x0b]), // boom
    // early(n): return from inside the loop
    body([[2, I32]], [0x03, 0x40, 0x20, 1, 0x20, 0, 0x46, 0x04, 0x40, 0x20, 2, 0x0f, 0x0b, ...incr(2, 1), ...inc(1), 0x0c, 0, 0x0b, 0x00, 0x0b]),
    // brfn(n): br 3 from an if in the loop to the function's label
    body([[2, I32]], [0x02, 0x40, 0x03, 0x40, 0x20, 1, 0x20, 0, 0x4f, 0x04, 0x40, 0x20, 2, 0x0c, 3, 0x0b, ...incr(2, 1), ...inc(1),
      0x0c, 0, 0x0b, 0x0b, 0x41, 0x7f, 0x0b]),
    // table(n): do { s += i; i++ } while (br_table [loop] default exit)
    body([[2, I32]], [0x02, 0x40, 0x03, 0x40, ...incr(2, 1), ...inc(1), 0x20, 1, 0x20, 0, 0x4f, 0x0e, 1, 0, 1, 0x0b, 0x0b, 0x20, 2, 0x0b]),
    // loopcall(n): a loop that calls a defined function: s += fact(3), n times
    body([[2, I32]], [0x02, 0x40, 0x03, 0x40, 0x20, 1, 0x20, 0, 0x4f, 0x0d, 1, 0x20, 2, 0x41, 3, 0x10, 3, 0x6a, 0x21, 2, ...inc(1),
      0x0c, 0, 0x0b, 0x0b, 0x20, 2, 0x0b]),
    body([], [0x20, 0, 0x12, 3, 0x0b]), // tail(n) = return_call fact(n)
    // tailimp(n): a loop, then return_call twice(s) (an import)
    body([[2, I32]], [0x02, 0x40, 0x03, 0x40, 0x20, 1, 0x20, 0, 0x4f, 0x0d, 1, ...incr(2, 1), ...inc(1), 0x0c, 0, 0x0b, 0x0b,
      0x20, 2, 0x12, 0, 0x0b]),
  ])),
  section(0, [...str('name'),
    ...section(1, vec([[1, ...str('sum')], [3, ...str('fact')], [7, ...str('boom')]])),
    ...section(2, vec([[1, ...vec([[1, ...str('i')], [2, ...str('s')]])]]))]),
);

interface Exports {
  sum(n: number): number; viaTable(n: number): number; fact(n: number): number; getg(): number; refcall(n: number): number;
  boom(): void; early(n: number): number; brfn(n: number): number; table(n: number): number; loopcall(n: number): number;
  tail(n: number): number; tailimp(n: number): number;
}

function results(bytes: Uint8Array, tick?: () => number): { values: number[]; trap: string } {
  const imports: WebAssembly.Imports = { env: { twice: (x: number) => 2 * x } };
  if (tick) imports[FUEL_MODULE] = { [FUEL_TICK]: tick };
  const e = new WebAssembly.Instance(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>), imports).exports as unknown as Exports;
  const values = [e.sum(100), e.viaTable(10), e.fact(10), e.getg(), e.refcall(5), e.early(10), e.brfn(10), e.table(10), e.loopcall(10),
    e.tail(5), e.tailimp(10)];
  let trap = '';
  try {
    e.boom();
  } catch (err) {
    trap = String((err as Error).stack);
  }
  return { values, trap };
}

test('every index the new import moves is renumbered, and checks run without changing results', () => {
  assert.ok(WebAssembly.validate(renumbering), 'the hand-assembled module is valid');
  const expected = [9907, 97, 3628800, 7, 120, 45, 45, 45, 60, 120, 90];
  const plain = results(renumbering);
  assert.deepEqual(plain.values, expected);
  const { bytes, stats } = addFuel(renumbering, 3); // a tiny budget: ticks happen inside every loop
  assert.ok(WebAssembly.validate(buf(bytes)));
  assert.deepEqual({ loops: stats.loops, entries: stats.entries }, { loops: 6, entries: 1 });
  let ticks = 0;
  const fueled = results(bytes, () => { ticks++; return 3; });
  assert.deepEqual(fueled.values, expected);
  assert.ok(ticks > 50, `tick ran ${ticks} times`);
  assert.match(plain.trap, /boom/);
  assert.match(fueled.trap, /boom/, 'the name section still names the functions in traces');
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>));
  assert.deepEqual(imports.map((i) => `${i.module}.${i.name}`), ['env.twice', `${FUEL_MODULE}.${FUEL_TICK}`]);
});

test('SIMD, bulk memory, sign extension and saturating truncation pass through', () => {
  const v128 = (...lanes: number[]): number[] => [0xfd, 0x0c, ...lanes.flatMap((x) => [x & 255, (x >> 8) & 255, (x >> 16) & 255, x >>> 24])];
  const code = [
    0x41, 0, 0x41, 9, 0x41, 16, 0xfc, 11, 0, // memory.fill(0, 9, 16)
    0x41, 16, 0x41, 0, 0x41, 16, 0xfc, 10, 0, 0, // memory.copy(16, 0, 16)
    0x03, 0x40, // loop: s += (i8)200 sign-extended, 3 times
    0x20, 0, 0x41, 0xc8, 0x01, 0xc0, 0x6a, 0x21, 0, ...inc(1), 0x20, 1, 0x41, 3, 0x49, 0x0d, 0, 0x0b,
    ...v128(1, 2, 3, 4), ...v128(5, 6, 7, 8), 0xfd, 0x0d, ...[4, 5, 6, 7, 20, 21, 22, 23, 0, 1, 2, 3, 16, 17, 18, 19], // shuffle
    0xfd, 0x1b, 1, // i32x4.extract_lane 1 → 6
    0x20, 0, 0x6a,
    0x41, 0, 0xfd, 0, 4, 0, 0xfd, 0x1b, 3, 0x6a, // v128.load at 0, lane 3 → 0x09090909
    0x44, ...new Uint8Array(new Float64Array([1e20]).buffer), 0xfc, 2, 0x6a, // i32.trunc_sat_f64_s → INT32_MAX
    0x0b,
  ];
  const simd = module(
    section(1, vec([[0x60, 0, 1, I32]])),
    section(3, vec([[0]])),
    section(5, vec([[0, 1]])),
    section(7, vec([[...str('f'), 0, 0]])),
    section(10, vec([body([[2, I32]], code)])),
  );
  assert.ok(WebAssembly.validate(simd), 'the hand-assembled module is valid');
  const run = (bytes: Uint8Array): number => (new WebAssembly.Instance(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>),
    { [FUEL_MODULE]: { [FUEL_TICK]: () => 1 } }).exports as { f(): number }).f();
  const { bytes, stats } = addFuel(simd, 1);
  assert.equal(stats.loops, 1);
  assert.ok(WebAssembly.validate(buf(bytes)));
  assert.equal(run(bytes), run(simd));
});

test('an instruction the rewriter does not know is refused, and the module then runs without fuel', async () => {
  const eh = module( // try … end (legacy exception handling)
    section(1, vec([[0x60, 0, 0]])),
    section(3, vec([[0]])),
    section(10, vec([body([], [0x03, 0x40, 0x06, 0x40, 0x0b, 0x0b, 0x0b])])),
  );
  assert.throws(() => addFuel(eh), (e: unknown) => e instanceof WasmRewriteError && /0x06.*exception handling/.test(e.message));
  const warnings: string[] = [];
  const onWarning = (w: Error): void => { warnings.push(w.message); };
  process.on('warning', onWarning);
  try {
    assert.equal(fuelOrWarn(eh, 'ehprog'), eh);
  } finally {
    await new Promise((res) => setImmediate(res));
    process.off('warning', onWarning);
  }
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /^ehprog: running without fuel .*0x06/);
});

// ---- the real modules
const DIST = join(import.meta.dirname, '..', '..', 'wasm', 'dist');
const built = existsSync(join(DIST, 'manifest.json'));
const distSkip = built || process.env.CI === 'true' ? undefined : 'wasm/dist is not built (wasm/build/build.sh)';

interface Entry { file: string; package: string; commands: string[] }

/** A few commands per package; anything else is asked for --version. */
const SCRIPTS: Record<string, string> = {
  coreutils: "seq 1 2000 | sort -r | head -3; printf 'b\\na\\nc\\n' | sort | tr a-z A-Z; echo hello | sha256sum; " +
    'seq 1 100 | wc -l; echo abc | base64; factor 1234567; seq 1 5000 | sort -n | md5sum',
  sed: "seq 1 30 | sed -n 's/\\(1\\)\\([0-9]\\)/\\2\\1/gp'",
  grep: "seq 1 300 | grep -cE '^1[0-9]?$'; seq 1 30 | grep -v 1 | tail -2",
  gawk: "awk 'BEGIN{for(i=0;i<100000;i++)s+=i%7; print s}'; seq 1 10 | awk '{t+=$1} END{print t, NR}'",
  diffutils: "printf 'a\\nb\\nc\\n' > /tmp/x; printf 'a\\nB\\nc\\n' > /tmp/y; diff /tmp/x /tmp/y; cmp /tmp/x /tmp/y; " +
    'diff3 /tmp/x /tmp/y /tmp/x; sdiff /tmp/x /tmp/y',
  gzip: 'seq 1 3000 | gzip -c | gzip -dc | tail -1',
  findutils: "find /etc -maxdepth 1 -name 'p*' | sort; echo a b c | xargs -n1 echo",
  bc: "echo '2^100' | bc; echo '2 3 + p' | dc",
  bzip2: 'seq 1 3000 | bzip2 -c | bzip2 -dc | tail -1',
  'xz-utils': 'seq 1 3000 | xz -c | xz -dc | tail -1',
  vim: 'echo hi | xxd',
  tree: 'tree /etc | tail -1',
};

test('every wasm/dist module still validates after the rewrite', { skip: distSkip }, () => {
  const files = readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  assert.ok(files.length > 0, 'wasm/dist has modules');
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(join(DIST, f)));
    const { bytes: out, stats } = addFuel(bytes);
    assert.ok(WebAssembly.validate(buf(out)), `${f} validates after the rewrite`);
    assert.ok(stats.loops > 0, `${f}: loops instrumented`);
    const before = WebAssembly.Module.exports(new WebAssembly.Module(bytes));
    const after = WebAssembly.Module.exports(new WebAssembly.Module(out as Uint8Array<ArrayBuffer>));
    assert.deepEqual(after, before, `${f}: same exports`);
  }
});

test('every wasm/dist package behaves the same with and without fuel', { skip: distSkip }, async () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as Entry[];
  const vms = await Promise.all([createVM(), createVM()]);
  try {
    for (const [i, vm] of vms.entries()) {
      const fuel = i === 0;
      for (const m of manifest) {
        // program names are shared by every VM of the host: each variant gets its own
        const prog = new WasmProgram(`${fuel ? 'fuel' : 'nofuel'}-${m.file}`, join(DIST, m.file), { fuel });
        vm.kernel.registerProgram(prog, m.commands.map((c) => `/usr/local/bin/${c}`));
      }
    }
    const packages = new Map<string, Entry[]>();
    for (const m of manifest) packages.set(m.package, [...(packages.get(m.package) ?? []), m]);
    for (const [pkg, entries] of packages) {
      const script = SCRIPTS[pkg] ?? entries.map((e) => `${e.commands[0]} --version < /dev/null 2>&1 | head -1`).join('; ');
      const [a, b] = await Promise.all(vms.map((vm) => vm.exec(script)));
      assert.ok(a!.stdout.length > 0, `${pkg}: output`);
      assert.deepEqual(b, a, `${pkg}: same result without fuel`);
    }
  } finally {
    for (const vm of vms) await vm[Symbol.asyncDispose]();
  }
});
