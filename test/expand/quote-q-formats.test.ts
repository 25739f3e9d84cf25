// Hazard: the three ways bash quotes text for re-input differ: printf %q uses backslashes,
// ${x@Q} single quotes, declare -p double quotes and `set` quotes only when needed; all switch to
// $'…' (with \E, \n, octal bytes) when a character is not printable in the locale — and in the
// C locale every non-ASCII character is unprintable.
// Rows: [LC_ALL, text, printf %q, ${x@Q}, declare -p value, set value], recorded from bash 5.2.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { quotePrintf, quoteForReuse, quoteForDeclare, quoteForSet } from '../../kernel/shell/quote.ts';
import { hasBash, mine } from './harness.ts';

const rows: [string, string, string, string, string, string][] = [
  ["C.UTF-8", "abc", "abc", "'abc'", "\"abc\"", "abc"],
  ["C.UTF-8", "", "''", "''", "\"\"", ""],
  ["C.UTF-8", "a b", "a\\ b", "'a b'", "\"a b\"", "'a b'"],
  ["C.UTF-8", "it's", "it\\'s", "'it'\\''s'", "\"it's\"", "'it'\\''s'"],
  ["C.UTF-8", "a\"b", "a\\\"b", "'a\"b'", "\"a\\\"b\"", "'a\"b'"],
  ["C.UTF-8", "a$b", "a\\$b", "'a$b'", "\"a\\$b\"", "'a$b'"],
  ["C.UTF-8", "a`b", "a\\`b", "'a`b'", "\"a\\`b\"", "'a`b'"],
  ["C.UTF-8", "a\\b", "a\\\\b", "'a\\b'", "\"a\\\\b\"", "'a\\b'"],
  ["C.UTF-8", "a\nb", "$'a\\nb'", "$'a\\nb'", "$'a\\nb'", "$'a\\nb'"],
  ["C.UTF-8", "a\tb", "$'a\\tb'", "$'a\\tb'", "$'a\\tb'", "$'a\\tb'"],
  ["C.UTF-8", "\u0001", "$'\\001'", "$'\\001'", "$'\\001'", "$'\\001'"],
  ["C.UTF-8", "\u007f", "$'\\177'", "$'\\177'", "$'\\177'", "$'\\177'"],
  ["C.UTF-8", "~a", "\\~a", "'~a'", "\"~a\"", "'~a'"],
  ["C.UTF-8", "a~", "a~", "'a~'", "\"a~\"", "a~"],
  ["C.UTF-8", ":~a", ":\\~a", "':~a'", "\":~a\"", "':~a'"],
  ["C.UTF-8", "a=~", "a=\\~", "'a=~'", "\"a=~\"", "'a=~'"],
  ["C.UTF-8", "#a", "\\#a", "'#a'", "\"#a\"", "'#a'"],
  ["C.UTF-8", "a#", "a#", "'a#'", "\"a#\"", "a#"],
  ["C.UTF-8", "*", "\\*", "'*'", "\"*\"", "'*'"],
  ["C.UTF-8", "?", "\\?", "'?'", "\"?\"", "'?'"],
  ["C.UTF-8", "[a]", "\\[a\\]", "'[a]'", "\"[a]\"", "'[a]'"],
  ["C.UTF-8", "a=b", "a=b", "'a=b'", "\"a=b\"", "a=b"],
  ["C.UTF-8", "a,b", "a\\,b", "'a,b'", "\"a,b\"", "a,b"],
  ["C.UTF-8", "{a}", "\\{a\\}", "'{a}'", "\"{a}\"", "'{a}'"],
  ["C.UTF-8", "!", "\\!", "'!'", "\"!\"", "'!'"],
  ["C.UTF-8", "a!b", "a\\!b", "'a!b'", "\"a!b\"", "'a!b'"],
  ["C.UTF-8", "-a", "-a", "'-a'", "\"-a\"", "-a"],
  ["C.UTF-8", "%", "%", "'%'", "\"%\"", "%"],
  ["C.UTF-8", "^", "\\^", "'^'", "\"^\"", "'^'"],
  ["C.UTF-8", "a:b", "a:b", "'a:b'", "\"a:b\"", "a:b"],
  ["C.UTF-8", "@", "@", "'@'", "\"@\"", "@"],
  ["C.UTF-8", "+", "+", "'+'", "\"+\"", "+"],
  ["C.UTF-8", "\u001b[0m", "$'\\E[0m'", "$'\\E[0m'", "$'\\E[0m'", "$'\\E[0m'"],
  ["C.UTF-8", "a\\nb", "a\\\\nb", "'a\\nb'", "\"a\\\\nb\"", "'a\\nb'"],
  ["C.UTF-8", "'", "\\'", "\\'", "\"'\"", "\\'"],
  ["C.UTF-8", "\"", "\\\"", "'\"'", "\"\\\"\"", "'\"'"],
  ["C.UTF-8", " ", "\\ ", "' '", "\" \"", "' '"],
  ["C.UTF-8", "a'b\nc", "$'a\\'b\\nc'", "$'a\\'b\\nc'", "$'a\\'b\\nc'", "$'a\\'b\\nc'"],
  ["C.UTF-8", "\u00e9", "\u00e9", "'\u00e9'", "\"\u00e9\"", "\u00e9"],
  ["C.UTF-8", "x\u00a0y", "x\u00a0y", "'x\u00a0y'", "\"x\u00a0y\"", "x\u00a0y"],
  ["C.UTF-8", "\u200b", "\u200b", "'\u200b'", "\"\u200b\"", "\u200b"],
  ["C.UTF-8", "a;b|c&d", "a\\;b\\|c\\&d", "'a;b|c&d'", "\"a;b|c&d\"", "'a;b|c&d'"],
  ["C.UTF-8", "(x)", "\\(x\\)", "'(x)'", "\"(x)\"", "'(x)'"],
  ["C.UTF-8", "<>", "\\<\\>", "'<>'", "\"<>\"", "'<>'"],
  ["C", "abc", "abc", "'abc'", "\"abc\"", "abc"],
  ["C", "", "''", "''", "\"\"", ""],
  ["C", "a b", "a\\ b", "'a b'", "\"a b\"", "'a b'"],
  ["C", "it's", "it\\'s", "'it'\\''s'", "\"it's\"", "'it'\\''s'"],
  ["C", "a\"b", "a\\\"b", "'a\"b'", "\"a\\\"b\"", "'a\"b'"],
  ["C", "a$b", "a\\$b", "'a$b'", "\"a\\$b\"", "'a$b'"],
  ["C", "a`b", "a\\`b", "'a`b'", "\"a\\`b\"", "'a`b'"],
  ["C", "a\\b", "a\\\\b", "'a\\b'", "\"a\\\\b\"", "'a\\b'"],
  ["C", "a\nb", "$'a\\nb'", "$'a\\nb'", "$'a\\nb'", "$'a\\nb'"],
  ["C", "a\tb", "$'a\\tb'", "$'a\\tb'", "$'a\\tb'", "$'a\\tb'"],
  ["C", "\u0001", "$'\\001'", "$'\\001'", "$'\\001'", "$'\\001'"],
  ["C", "\u007f", "$'\\177'", "$'\\177'", "$'\\177'", "$'\\177'"],
  ["C", "~a", "\\~a", "'~a'", "\"~a\"", "'~a'"],
  ["C", "a~", "a~", "'a~'", "\"a~\"", "a~"],
  ["C", ":~a", ":\\~a", "':~a'", "\":~a\"", "':~a'"],
  ["C", "a=~", "a=\\~", "'a=~'", "\"a=~\"", "'a=~'"],
  ["C", "#a", "\\#a", "'#a'", "\"#a\"", "'#a'"],
  ["C", "a#", "a#", "'a#'", "\"a#\"", "a#"],
  ["C", "*", "\\*", "'*'", "\"*\"", "'*'"],
  ["C", "?", "\\?", "'?'", "\"?\"", "'?'"],
  ["C", "[a]", "\\[a\\]", "'[a]'", "\"[a]\"", "'[a]'"],
  ["C", "a=b", "a=b", "'a=b'", "\"a=b\"", "a=b"],
  ["C", "a,b", "a\\,b", "'a,b'", "\"a,b\"", "a,b"],
  ["C", "{a}", "\\{a\\}", "'{a}'", "\"{a}\"", "'{a}'"],
  ["C", "!", "\\!", "'!'", "\"!\"", "'!'"],
  ["C", "a!b", "a\\!b", "'a!b'", "\"a!b\"", "'a!b'"],
  ["C", "-a", "-a", "'-a'", "\"-a\"", "-a"],
  ["C", "%", "%", "'%'", "\"%\"", "%"],
  ["C", "^", "\\^", "'^'", "\"^\"", "'^'"],
  ["C", "a:b", "a:b", "'a:b'", "\"a:b\"", "a:b"],
  ["C", "@", "@", "'@'", "\"@\"", "@"],
  ["C", "+", "+", "'+'", "\"+\"", "+"],
  ["C", "\u001b[0m", "$'\\E[0m'", "$'\\E[0m'", "$'\\E[0m'", "$'\\E[0m'"],
  ["C", "a\\nb", "a\\\\nb", "'a\\nb'", "\"a\\\\nb\"", "'a\\nb'"],
  ["C", "'", "\\'", "\\'", "\"'\"", "\\'"],
  ["C", "\"", "\\\"", "'\"'", "\"\\\"\"", "'\"'"],
  ["C", " ", "\\ ", "' '", "\" \"", "' '"],
  ["C", "a'b\nc", "$'a\\'b\\nc'", "$'a\\'b\\nc'", "$'a\\'b\\nc'", "$'a\\'b\\nc'"],
  ["C", "\u00e9", "$'\\303\\251'", "$'\\303\\251'", "$'\\303\\251'", "$'\\303\\251'"],
  ["C", "x\u00a0y", "$'x\\302\\240y'", "$'x\\302\\240y'", "$'x\\302\\240y'", "$'x\\302\\240y'"],
  ["C", "\u200b", "$'\\342\\200\\213'", "$'\\342\\200\\213'", "$'\\342\\200\\213'", "$'\\342\\200\\213'"],
  ["C", "a;b|c&d", "a\\;b\\|c\\&d", "'a;b|c&d'", "\"a;b|c&d\"", "'a;b|c&d'"],
  ["C", "(x)", "\\(x\\)", "'(x)'", "\"(x)\"", "'(x)'"],
  ["C", "<>", "\\<\\>", "'<>'", "\"<>\"", "'<>'"]
];

for (const [loc, s, q, Q, decl, set] of rows) {
  const utf8 = loc !== 'C';
  test(`${loc} ${JSON.stringify(s)}`, () => {
    assert.equal(quotePrintf(s, utf8), q, 'printf %q');
    assert.equal(quoteForReuse(s, utf8), Q, '${x@Q}');
    assert.equal(quoteForDeclare(s, utf8), decl, 'declare -p');
    assert.equal(quoteForSet(s, utf8), set, 'set');
  });
}

test('${x@Q} in the expander follows the locale variables', async () => {
  assert.deepEqual(await mine({ vars: { x: 'é', LC_ALL: 'C.UTF-8' } }, '"${x@Q}"'), ["'é'"]);
  assert.deepEqual(await mine({ vars: { x: 'é', LC_ALL: 'C' } }, '"${x@Q}"'), ["$'\\303\\251'"]);
  assert.deepEqual(await mine({ vars: { a: ['1', '2 3'] } }, '"${a[@]@Q}" "${a[*]@Q}"'), ["'1'", "'2 3'", "'1' '2 3'"]);
});

test('bash 5.2 agrees with the rows', { skip: !hasBash }, () => {
  for (const loc of ['C.UTF-8', 'C']) {
    const mine = rows.filter((r) => r[0] === loc);
    // one bash for all rows: per text, %q, ${x@Q}, declare -p and set's value, NUL-separated
    const script = 'for x; do printf "%q\\0%s\\0" "$x" "${x@Q}"; d=$(declare -p x); printf "%s\\0" "${d#declare -- x=}";'
      + ' while IFS= read -r l; do [[ $l == x=* ]] && printf "%s\\0" "${l#x=}"; done < <(set); done';
    const r = spawnSync('/usr/bin/bash', ['-c', script, 'bash', ...mine.map((m) => m[1])], { env: { LC_ALL: loc }, encoding: 'utf8' });
    const f = r.stdout.split('\0');
    mine.forEach(([, s, q, Q, decl, set], i) => {
      assert.deepEqual(f.slice(i * 4, i * 4 + 4), [q, Q, decl, set], JSON.stringify(s));
    });
  }
});
