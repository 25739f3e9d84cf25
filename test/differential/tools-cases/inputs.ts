// Input files shared by the tool cases (written identically into the host temp dir and the VM dir).

/** A small CSV: name,dept,salary,start */
export const peopleCsv = [
  'name,dept,salary,start',
  'alice,eng,120000,2019-03-01',
  'bob,ops,85000,2020-11-15',
  'carol,eng,135000,2017-06-30',
  'dave,sales,70000,2021-01-04',
  'eve,ops,92000,2018-09-12',
  'frank,eng,99000,2022-05-23',
  'grace,sales,70000,2016-02-29',
].join('\n') + '\n';

/** A web-server style log. */
export const accessLog = [
  '10.0.0.1 - - [10/Oct/2023:13:55:36] "GET /index.html HTTP/1.1" 200 2326',
  '10.0.0.2 - - [10/Oct/2023:13:55:40] "GET /api/users HTTP/1.1" 500 12',
  '10.0.0.1 - - [10/Oct/2023:13:56:01] "POST /api/login HTTP/1.1" 200 87',
  '10.0.0.3 - - [10/Oct/2023:13:57:12] "GET /missing HTTP/1.1" 404 0',
  '10.0.0.2 - - [10/Oct/2023:13:58:30] "GET /api/users HTTP/1.1" 200 5120',
  '10.0.0.1 - - [10/Oct/2023:13:59:59] "GET /favicon.ico HTTP/1.1" 404 0',
  '10.0.0.4 - - [10/Oct/2023:14:00:00] "DELETE /api/users/7 HTTP/1.1" 403 31',
].join('\n') + '\n';

/** Words, one per line, with repeats, mixed case and a blank line. */
export const words = ['pear', 'apple', 'Banana', 'apple', 'cherry', 'pear', 'apple', '', 'banana', 'Cherry', 'date'].join('\n') + '\n';

/** A small source tree, as an agent sees a repository. */
export const srcTree: Record<string, string> = {
  'proj/README.md': '# proj\n\nA TODO list app.\nSee src/main.ts.\n',
  'proj/src/main.ts': [
    "import { add } from './util.ts';",
    '',
    'export function main(): void {',
    '  // TODO: parse argv',
    '  console.log(add(1, 2));',
    '}',
    '',
  ].join('\n'),
  'proj/src/util.ts': [
    'export function add(a: number, b: number): number {',
    '  return a + b;',
    '}',
    '',
    'export function sub(a: number, b: number): number {',
    '  return a - b; // todo: overflow?',
    '}',
    '',
  ].join('\n'),
  'proj/src/lib/strings.ts': "export const hello = 'Hello, World';\nexport const TODO = 1;\n",
  'proj/test/main.test.ts': "import { main } from '../src/main.ts';\nmain();\n",
  'proj/.gitignore': 'node_modules\ndist\n',
  'proj/package.json': '{\n  "name": "proj",\n  "version": "1.0.0",\n  "scripts": { "test": "node --test" }\n}\n',
};

/** A JSON document for jq. */
export const itemsJson = JSON.stringify({
  name: 'inventory',
  count: 3,
  items: [
    { id: 1, name: 'widget', price: 2.5, tags: ['a', 'b'] },
    { id: 2, name: 'gadget', price: 10, tags: [] },
    { id: 3, name: 'doohickey', price: 0.75, tags: ['b'] },
  ],
}, null, 2) + '\n';

/** `lines(n)`: "line 1\n" … "line n\n". */
export function lines(n: number, prefix = 'line '): string {
  let s = '';
  for (let i = 1; i <= n; i++) s += `${prefix}${i}\n`;
  return s;
}

/** Text with a "x" on every third line (10,000 lines) for the grep | wc pipeline. */
export function tenKLines(): string {
  let s = '';
  for (let i = 1; i <= 10_000; i++) s += i % 3 === 0 ? `row ${i} has x here\n` : `row ${i} plain\n`;
  return s;
}

/** Bytes 0..255, for od/base64/cmp. */
export const allBytes: Uint8Array = Uint8Array.from({ length: 256 }, (_, i) => i);

/** Named fixtures a case asks for with `# files: <name> …`: each is a set of path → contents. */
export const fixtures: Record<string, () => Record<string, string | Uint8Array>> = {
  'people.csv': () => ({ 'people.csv': peopleCsv }),
  'access.log': () => ({ 'access.log': accessLog }),
  'words': () => ({ words }),
  'proj': () => srcTree,
  'items.json': () => ({ 'items.json': itemsJson }),
  'lines100': () => ({ lines100: lines(100) }),
  'tenk': () => ({ tenk: tenKLines() }),
  'bytes': () => ({ bytes: allBytes }),
  // 8 MiB of numbered lines: far more than a pipe holds, so `cat big | head -1` must stop cat early.
  'big': () => ({ big: lines(8 * 1024 * 1024 / 16, 'big line number ').slice(0, 8 * 1024 * 1024) }),
};
