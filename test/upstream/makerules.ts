// A tiny reader for automake-generated Makefile.in test rules: enough to turn one test target's
// recipe into a shell script the VM's bash can run (variables expanded, `@`/`-` prefixes
// honoured, each recipe line in its own subshell like make runs them).

export interface Rule {
  target: string;
  prereqs: string[];
  /** Logical recipe lines (continuations joined), unexpanded. */
  lines: string[];
}

/** Parses the rules of a Makefile (targets → rules; double-colon rules are merged). */
export function parseRules(text: string): Map<string, Rule> {
  const rules = new Map<string, Rule>();
  const lines = text.split('\n');
  let cur: Rule[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('\t') && cur.length) {
      let logical = line.slice(1);
      while (logical.endsWith('\\') && i + 1 < lines.length) {
        i++;
        logical += '\n' + lines[i].replace(/^\t/, '');
      }
      for (const r of cur) r.lines.push(logical);
      continue;
    }
    const m = /^([^\s:#=][^:=]*?)\s*::?(?!=)\s*(.*)$/.exec(line);
    if (m && !line.startsWith('\t')) {
      let prereqText = m[2];
      while (prereqText.endsWith('\\') && i + 1 < lines.length) { i++; prereqText = prereqText.slice(0, -1) + ' ' + lines[i]; }
      cur = [];
      for (const target of m[1].split(/\s+/).filter(Boolean)) {
        let r = rules.get(target);
        if (!r) { r = { target, prereqs: [], lines: [] }; rules.set(target, r); }
        r.prereqs.push(...prereqText.split(/\s+/).filter(Boolean));
        cur.push(r);
      }
      continue;
    }
    if (line.trim() === '' || line.startsWith('#')) { cur = line.trim() === '' ? [] : cur; continue; }
    cur = [];
  }
  return rules;
}

/** Parses `NAME = words \` variable lists (e.g. BASIC_TESTS) of a Makefile. */
export function parseLists(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(lines[i]);
    if (!m) continue;
    let v = m[2];
    while (v.endsWith('\\') && i + 1 < lines.length) { i++; v = v.slice(0, -1) + ' ' + lines[i]; }
    out.set(m[1], v.split(/\s+/).filter(Boolean));
  }
  return out;
}

/** Expands $(VAR), ${VAR}, $@, $$ as make would in a recipe for `target`. */
export function expand(s: string, vars: Record<string, string>, target: string, depth = 0): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '$') { out += c; continue; }
    const n = s[i + 1];
    if (n === '$') { out += '$'; i++; continue; }
    if (n === '@') { out += target; i++; continue; }
    if (n === '(' || n === '{') {
      const close = n === '(' ? ')' : '}';
      const end = s.indexOf(close, i + 2);
      const name = s.slice(i + 2, end);
      const v = vars[name] ?? '';
      out += depth < 10 ? expand(v, vars, target, depth + 1) : v;
      i = end;
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * The shell script for one rule: every recipe line in a subshell; a line without `-` stops the
 * script with status 2 when it fails (make's behaviour), a `-` line may fail; otherwise 0.
 */
export function recipeScript(rule: Rule, vars: Record<string, string>): string {
  const parts: string[] = [];
  for (const raw of rule.lines) {
    const m = /^[@+\-\s]*/.exec(raw)!;
    const ignore = m[0].includes('-');
    const body = expand(raw.slice(m[0].length), vars, rule.target);
    if (!body.trim()) continue;
    parts.push(ignore ? `(\n${body}\n)` : `(\n${body}\n) || exit 2`);
  }
  return parts.join('\n') + '\nexit 0\n';
}
