import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bashSyntax, hasBash52, oursSyntax } from './util.ts';

// [source, "line|message|echoed source line"] as recorded from `bash -n -c` (GNU bash 5.2.15).
const CASES: [string, string][] = [
  ["echo \"abc", "1|unexpected EOF while looking for matching `\"'|"],
  ["echo \"abc\n\ndef", "1|unexpected EOF while looking for matching `\"'|"],
  ["echo 'abc", "1|unexpected EOF while looking for matching `''|"],
  ["echo a\necho 'x", "2|unexpected EOF while looking for matching `''|"],
  ["echo $(echo ", "2|unexpected EOF while looking for matching `)'|"],
  ["echo ${x", "1|unexpected EOF while looking for matching `}'|"],
  ["echo `echo ", "1|unexpected EOF while looking for matching ``'|"],
  ["x=(a b", "1|unexpected EOF while looking for matching `)'|"],
  ["echo )", "1|syntax error near unexpected token `)'|echo )"],
  ["echo a\necho )\necho b", "2|syntax error near unexpected token `)'|echo )"],
  ["if true; then fi", "1|syntax error near unexpected token `fi'|if true; then fi"],
  ["if true; then", "2|syntax error: unexpected end of file|"],
  ["if true; then", "2|syntax error: unexpected end of file|"],
  ["if true; then\n\n# c", "4|syntax error: unexpected end of file|"],
  ["echo a |", "2|syntax error: unexpected end of file|"],
  ["echo a &&", "2|syntax error: unexpected end of file|"],
  ["echo a ; ;", "1|syntax error near unexpected token `;'|echo a ; ;"],
  ["echo a & ;", "1|syntax error near unexpected token `;'|echo a & ;"],
  ["echo a ;;", "1|syntax error near unexpected token `;;'|echo a ;;"],
  ["( )", "1|syntax error near unexpected token `)'|( )"],
  ["{ }", "1|syntax error near unexpected token `}'|{ }"],
  ["f() echo", "1|syntax error near unexpected token `echo'|f() echo"],
  ["case x in a) echo ok", "2|syntax error: unexpected end of file|"],
  ["if true; then\n  echo a\nfi fi", "3|syntax error near unexpected token `fi'|fi fi"],
  ["echo a; (echo b\necho c))", "2|syntax error near unexpected token `)'|echo c))"],
  ["echo \"a\nb\" )", "2|syntax error near unexpected token `)'|b\" )"],
  ["x=$(\n)\n)", "3|syntax error near unexpected token `)'|)"],
  ["echo a\n  echo b; fi  \necho c", "2|syntax error near unexpected token `fi'|  echo b; fi  "],
  ["echo (", "1|syntax error near unexpected token `newline'|echo ("],
  ["echo $(fi)", "1|syntax error near unexpected token `fi'|echo $(fi)"],
  ["echo $((1+2", "1|unexpected EOF while looking for matching `)'|"],
  ["((1+2", "1|unexpected EOF while looking for matching `)'|"],
  ["[[ a ", "1|unexpected token `newline', conditional binary operator expected|"],
  ["[[ a == b c ]]", "1|syntax error in conditional expression|"],
  ["[[ a b ]]", "1|conditional binary operator expected|"],
  ["[[ a == ]]", "1|unexpected argument `]]' to conditional binary operator|"],
  ["[[ -f ]]", "1|unexpected argument `]]' to conditional unary operator|"],
  ["[[ ( a ) b ]]", "1|syntax error in conditional expression|"],
  ["[[ a == b ) ]]", "1|syntax error in conditional expression: unexpected token `)'|"],
  ["[[ && a ]]", "1|unexpected token `&&' in conditional command|"],
  ["[[ ( a && b ]]", "1|unexpected token `]]', expected `)'|"],
  ["[[ a &&", "2|unexpected token `EOF' in conditional command|"],
  ["[[ -n a ; ]]", "1|syntax error in conditional expression: unexpected token `;'|"],
  ["[[ a > ]]", "1|unexpected argument `]]' to conditional binary operator|"],
  ["[[ a ]] ]]", "1|syntax error near unexpected token `]]'|[[ a ]] ]]"],
  ["in", "1|syntax error near unexpected token `in'|in"],
  ["]]", "1|syntax error near unexpected token `]]'|]]"],
  ["then", "1|syntax error near unexpected token `then'|then"],
  ["done", "1|syntax error near unexpected token `done'|done"],
  ["for x in a b", "2|syntax error: unexpected end of file|"],
  ["for x in a b; do echo", "2|syntax error: unexpected end of file|"],
  ["while true; do echo; done done", "1|syntax error near unexpected token `done'|while true; do echo; done done"],
  ["case a in a) echo;; b) echo ) esac", "1|syntax error near unexpected token `)'|case a in a) echo;; b) echo ) esac"],
  ["echo >", "1|syntax error near unexpected token `newline'|echo >"],
  ["echo > ;", "1|syntax error near unexpected token `;'|echo > ;"],
  ["cat <<", "1|syntax error near unexpected token `newline'|cat <<"],
  ["echo a >& ", "1|syntax error near unexpected token `newline'|echo a >& "],
  ["a=(a;b)", "1|syntax error near unexpected token `;'|a=(a;b)"],
  ["echo a=(b)", "1|syntax error near unexpected token `('|echo a=(b)"],
  ["x() { :; } y", "1|syntax error near unexpected token `y'|x() { :; } y"],
  ["function", "1|syntax error near unexpected token `newline'|function"],
  ["function f", "2|syntax error: unexpected end of file|"],
  ["{ echo a; } }", "1|syntax error near unexpected token `}'|{ echo a; } }"],
  ["echo ${x:-", "1|unexpected EOF while looking for matching `}'|"],
  ["echo \"${x:-", "1|unexpected EOF while looking for matching `}'|"],
  ["until; do :; done", "1|syntax error near unexpected token `;'|until; do :; done"],
  ["select x in; do :; done; select", "1|syntax error near unexpected token `newline'|select x in; do :; done; select"],
  ["echo $(( 1 + ", "1|unexpected EOF while looking for matching `)'|"],
  ["echo $(case x in a) echo;; esac", "2|unexpected EOF while looking for matching `)'|"],
  ["=====\nf() { :; } ()", "2|syntax error near unexpected token `('|f() { :; } ()"],
  ["a | | b", "1|syntax error near unexpected token `|'|a | | b"],
  ["a && && b", "1|syntax error near unexpected token `&&'|a && && b"],
  ["|| a", "1|syntax error near unexpected token `||'||| a"],
  ["if a; then b; else; fi", "1|syntax error near unexpected token `;'|if a; then b; else; fi"],
  ["if a; then b; elif; then c; fi", "1|syntax error near unexpected token `;'|if a; then b; elif; then c; fi"],
  ["echo `", "1|unexpected EOF while looking for matching ``'|"],
  ["echo $'abc", "1|unexpected EOF while looking for matching `''|"],
  ["echo $\"abc", "1|unexpected EOF while looking for matching `\"'|"],
  ["echo > 2>x", "1|syntax error near unexpected token `2'|echo > 2>x"],
  ["echo > {v}>x", "1|syntax error near `{v}>'|echo > {v}>x"],
  ["echo > >>x", "1|syntax error near unexpected token `>>'|echo > >>x"],
  ["echo > &>x", "1|syntax error near unexpected token `&>'|echo > &>x"],
  ["cat < <<EOF", "1|syntax error near unexpected token `<<'|cat < <<EOF"],
  ["echo |& |", "1|syntax error near unexpected token `|'|echo |& |"],
  ["x=( ) )", "1|syntax error near unexpected token `)'|x=( ) )"],
  ["[[ a == b]]", "1|unexpected EOF while looking for `]]'|"],
  ["echo\n[[ a &&\n b == c d", "2|syntax error in conditional expression|"],
  ["a &\n& b", "2|syntax error near unexpected token `&'|& b"],
  ["echo $(( 1 + $(echo )", "1|unexpected EOF while looking for matching `)'|"],
  ["echo ${x:-$(}", "1|syntax error near unexpected token `}'|echo ${x:-$(}"],
  ["case x in a|) ;; esac", "1|syntax error near unexpected token `)'|case x in a|) ;; esac"],
  ["case x in ) ;; esac", "1|syntax error near unexpected token `)'|case x in ) ;; esac"],
  ["for x in a; { echo; }; for x in a; do", "2|syntax error: unexpected end of file|"],
  ["echo \"$(echo \"a)\"", "2|unexpected EOF while looking for matching `)'|"],
  ["if (true; then :; fi", "1|syntax error near unexpected token `then'|if (true; then :; fi"],
];

test('syntax errors: message, line and echoed source line match the recorded bash output', () => {
  for (const [src, expected] of CASES) assert.equal(oursSyntax(src), expected, JSON.stringify(src));
});

test('syntax errors: the recordings still match the installed bash', { skip: !hasBash52 && 'needs /usr/bin/bash 5.2' }, () => {
  for (const [src, expected] of CASES) assert.equal(bashSyntax(src), expected, JSON.stringify(src));
});

test('valid scripts that look suspicious parse like bash', { skip: !hasBash52 && 'needs /usr/bin/bash 5.2' }, () => {
  const ok = [
    'case x in esac', 'case x in a) ;; esac; echo ok', 'case x in (a) ;& b) ;;& esac', 'echo }', 'echo {',
    '{ echo; }', 'x=1 while', '! ! true', '!', 'time', 'time -p echo', 'echo a#b #c', 'f() { :; } >&2',
    'function f() ( : )', 'for x do :; done', 'for x; do :; done', 'for x in; do :; done', 'select x in a; do :; done',
    'if a; then :; elif b; then :; else :; fi', 'a |& b', 'a && b || c &', '[[ a<b ]]', '[[ ( a ) ]]',
    '[[ x =~ (a b)|c ]]', 'echo $(( (1) ))', 'echo a<(true)', 'cat <<EOF\nEOF', 'a=(1\n2 # c\n)', 'a[1 + 2]=x',
  ];
  for (const src of ok) {
    assert.equal(bashSyntax(src), 'OK', `bash: ${JSON.stringify(src)}`);
    assert.equal(oursSyntax(src), 'OK', JSON.stringify(src));
  }
});
