// Hazard: ${x/p/r} ${x//p/r} ${x/#p/r} ${x/%p/r}. With bash 5.2's patsub_replacement (on by default)
// an unquoted & in the replacement is the matched text, \& and quoted & are literal; the
// replacement is expanded as if unquoted even inside "…"; empty patterns replace nothing except
// with the # and % anchors; longest match at the leftmost position.
// Each case: [setup, words, fields bash 5.2 produced (or its error message)].

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mine, theirs, hasBash, type Outcome, type Setup } from './harness.ts';

const cases: [Setup, string, Outcome][] = [
  [{"vars":{"x":"hello"}}, "${x/l/[&]} \"${x/l/[&]}\" ${x//l/\\&} \"${x//l/\\&}\" \"${x//l/\"&\"}\"",
    ["he[l]lo","he[l]lo","he&&o","he&&o","he&&o"]],
  [{"vars":{"x":"hello","r":"<&>"}}, "${x/l/$r} \"${x/l/$r}\" ${x/l/\"$r\"}",
    ["he<l>lo","he<l>lo","he<&>lo"]],
  [{"vars":{"x":"hello"}}, "${x/l/\\\\&} \"${x/l/\\\\&}\" ${x/l/\\\\\\&} ${x/l/a\\\\b}",
    ["he\\llo","he\\llo","he\\&lo","hea\\blo"]],
  [{"vars":{"x":"hello","r":"a\\b"}}, "${x/l/$r} \"${x/l/$r}\"",
    ["hea\\blo","hea\\blo"]],
  [{"vars":{"x":"hello","r":"\\\\&"}}, "${x/l/$r} \"${x/l/$r}\"",
    ["he\\llo","he\\llo"]],
  [{"vars":{"x":"hello","r":"\\\\\\\\"}}, "\"$r\" ${x/l/$r} \"${x/l/$r}\"",
    ["\\\\\\\\","he\\\\lo","he\\\\lo"]],
  [{"vars":{"x":"hello"}}, "\"${x/l/\\\\\\\\}\" \"${x/l/\\\\}\" ${x/l/\\\\} ${x/l/\"\\\\\"}",
    ["he\\\\lo","he\\lo","he\\lo","he\\lo"]],
  [{"vars":{"x":"hello"},"shopt":[]}, "${x/l/&&}",
    ["helllo"]],
  [{"vars":{"x":"aaa"}}, "${x//a/b} ${x/#a/b} ${x/%a/b} ${x/a} ${x//a} ${x/} ${x//}",
    ["bbb","baa","aab","aa","aaa","aaa"]],
  [{"vars":{"x":"abcabc"}}, "${x/b*/X} ${x//b?/X} ${x/#b/X} ${x/%c/X}  ${x/#/X} ${x/%/X}",
    ["aX","aXaX","abcabc","abcabX","Xabcabc","abcabcX"]],
  [{"vars":{"x":"abc"}}, "${x//?/<&>} ${x//*/<&>} ${x/%?/(&)} ${x/#?/(&)}",
    ["<a><b><c>","<abc>","ab(c)","(a)bc"]],
  [{"vars":{"x":"abc"},"shopt":["extglob"]}, "${x//*(z)/-} ${x/*(z)/-} ${x//!(z)/-} ${x//@(a|c)/[&]}",
    ["-a-b-c","-abc","-","[a]b[c]"]],
  [{"vars":{"x":"abc"}}, "\"${x//\"\"/X}\" ${x//$empty/X} ${x/#$empty/X} ${x/%$empty/X}",
    ["abc","abc","Xabc","abcX"]],
  [{"positional":["ab","cb"]}, "${@/b/X} \"${@/b/X}\" \"${*/b/X}\"",
    ["aX","cX","aX","cX","aX cX"]],
  [{"vars":{"a":["ab","cb"]}}, "${a[@]/#/X} \"${a[*]/%/Y}\" \"${a[@]//b/&&}\"",
    ["Xab","Xcb","abY cbY","abb","cbb"]],
  [{"vars":{"x":"HELLO"},"shopt":["nocasematch"]}, "${x/l/_} ${x//L/-} ${x#h} ${x%O}",
    ["HE_LO","HE--O","HELLO","HELL"]],
  [{"vars":{"x":"a.b.c"}}, "${x//./\\/} ${x//[.]/ } \"${x//./ }\"",
    ["a/b/c","a","b","c","a b c"]],
  [{"vars":{"x":"path/to/file"}}, "${x//\\//:} ${x/\\/*/} ${x/#*\\//}",
    ["path:to:file","path","file"]],
  [{"vars":{"x":"aaa","p":"a"}}, "${x//$p/b} ${x//\"$p\"/c}",
    ["bbb","ccc"]],
];

for (const [setup, src, want] of cases) {
  test(src, async () => {
    assert.deepEqual(await mine(setup, src), want);
  });
}

test('bash 5.2 agrees with the expectations', { skip: !hasBash }, () => {
  for (const [setup, src, want] of cases) assert.deepEqual(theirs(setup, src), want, src);
});

import { replacePattern } from '../../kernel/shell/pattern.ts';

test('replacePattern: an empty match inserts the replacement and copies one character', () => {
  assert.equal(replacePattern('abc', '*(z)', () => '-', 'all', { extglob: true }), '-a-b-c');
  assert.equal(replacePattern('abc', '*(z)', () => '-', 'first', { extglob: true }), '-abc');
});
