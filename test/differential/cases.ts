// Loads the differential corpus: test/differential/cases/<topic>.sh, each holding cases separated by
// a line `#### <case-name>`. Everything up to the next marker is that case's script. Lines before the
// first marker may only be blank or `#` comments (a file header). Trailing blank lines of a case are
// dropped; everything else (leading lines, tabs, trailing spaces) is kept verbatim, so $LINENO and
// "line N:" in error messages are the same for the recorder and the test.
// Shared by record.ts (real bash) and differential.test.ts (agentvm) so both run identical scripts.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const differentialDir: string = dirname(fileURLToPath(import.meta.url));
export const casesDir: string = join(differentialDir, 'cases');
export const expectedDir: string = join(differentialDir, 'expected');
export const knownGapsFile: string = join(differentialDir, 'known-gaps.txt');

export interface Case {
  topic: string;
  name: string;
  /** `topic/name` */
  id: string;
  script: string;
}

export interface Expected {
  stdout: string;
  status: number;
}

const markerRe = /^#### (.*)$/;
const nameRe = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function parseCases(topic: string, text: string): Case[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const cases: Case[] = [];
  const seen = new Set<string>();
  let current: { name: string; lines: string[]; line: number } | null = null;
  const finish = (): void => {
    if (!current) return;
    const body = current.lines.slice();
    while (body.length > 0 && body[body.length - 1].trim() === '') body.pop();
    if (body.length === 0) throw new Error(`${topic}.sh:${current.line}: case "${current.name}" is empty`);
    cases.push({ topic, name: current.name, id: `${topic}/${current.name}`, script: body.join('\n') + '\n' });
  };
  lines.forEach((line, i) => {
    const m = markerRe.exec(line);
    if (m) {
      finish();
      const name = m[1].trim();
      if (!nameRe.test(name)) throw new Error(`${topic}.sh:${i + 1}: bad case name "${name}"`);
      if (seen.has(name)) throw new Error(`${topic}.sh:${i + 1}: duplicate case name "${name}"`);
      seen.add(name);
      current = { name, lines: [], line: i + 1 };
    } else if (current) {
      current.lines.push(line);
    } else if (line.trim() !== '' && !line.startsWith('#')) {
      throw new Error(`${topic}.sh:${i + 1}: text before the first "#### <case-name>" marker`);
    }
  });
  finish();
  return cases;
}

/** All topics (file names without .sh), sorted. */
export function listTopics(): string[] {
  return readdirSync(casesDir)
    .filter((f) => f.endsWith('.sh'))
    .map((f) => f.slice(0, -3))
    .sort();
}

export function loadTopic(topic: string): Case[] {
  const file = join(casesDir, `${topic}.sh`);
  if (!existsSync(file)) throw new Error(`no such topic: ${topic} (${file})`);
  return parseCases(topic, readFileSync(file, 'utf8'));
}

export function loadExpected(topic: string): Record<string, Expected> | null {
  const file = join(expectedDir, `${topic}.json`);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Expected>;
}

/** known-gaps.txt: `topic/case-name  reason` per line; blank lines and `#` comments ignored. */
export function loadKnownGaps(): Map<string, string> {
  const gaps = new Map<string, string>();
  if (!existsSync(knownGapsFile)) return gaps;
  readFileSync(knownGapsFile, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(\S+)\s*(.*)$/.exec(line);
    if (!m || !m[1].includes('/')) throw new Error(`known-gaps.txt:${i + 1}: expected "topic/case-name  reason"`);
    gaps.set(m[1], m[2] || 'known gap');
  });
  return gaps;
}
