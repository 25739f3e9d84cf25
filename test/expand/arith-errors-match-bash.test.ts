// Hazard: arithmetic errors must read exactly like bash's: the expression, the message, and the
// "error token" (the rest of the expression from where bash's scanner stood), including
// recursion through variables, number literal errors (which truncate the expression), short-
// circuit evaluation that still reports some errors, and assignment to non-variables.
// Each case: [setup, words, fields bash 5.2 produced (or its error message)].

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mine, theirs, hasBash, type Outcome, type Setup } from './harness.ts';

const cases: [Setup, string, Outcome][] = [
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1/0))",
    {"error":"1/0: division by 0 (error token is \"0\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1/0 + 2))",
    {"error":"1/0 + 2: division by 0 (error token is \"0 + 2\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((5 % 0 + 1))",
    {"error":"5 % 0 + 1: division by 0 (error token is \"0 + 1\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((x /= 0))",
    {"error":"x /= 0: division by 0 (error token is \"0\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((x %= 0))",
    {"error":"x %= 0: division by 0 (error token is \"0\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1 +))",
    {"error":"1 +: syntax error: operand expected (error token is \"+\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1 2))",
    {"error":"1 2: syntax error in expression (error token is \"2\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1 2 3))",
    {"error":"1 2 3: syntax error in expression (error token is \"2 3\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1 = 2))",
    {"error":"1 = 2: attempted assignment to non-variable (error token is \"= 2\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((2**-1))",
    {"error":"2**-1: exponent less than 0 (error token is \"1\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((08))",
    {"error":"08: value too great for base (error token is \"08\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((08 + 1))",
    {"error":"08: value too great for base (error token is \"08\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((07 + 09))",
    {"error":"07 + 09: value too great for base (error token is \"09\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1#1))",
    {"error":"1#1: invalid arithmetic base (error token is \"1#1\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((65#1))",
    {"error":"65#1: invalid arithmetic base (error token is \"65#1\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((0#1))",
    {"error":"0#1: invalid number (error token is \"0#1\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((2##1))",
    {"error":"2##1: invalid integer constant (error token is \"2##1\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((2#))",
    {"error":"2#: invalid integer constant (error token is \"2#\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((10#))",
    {"error":"10#: invalid integer constant (error token is \"10#\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((2#2))",
    {"error":"2#2: value too great for base (error token is \"2#2\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1e5))",
    {"error":"1e5: value too great for base (error token is \"1e5\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((64#-1))",
    {"error":"64#: invalid integer constant (error token is \"64#\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((0xg))",
    {"error":"0xg: value too great for base (error token is \"0xg\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((37#ZZ))",
    {"error":"37#ZZ: value too great for base (error token is \"37#ZZ\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((x=))",
    {"error":"x=: syntax error: operand expected (error token is \"=\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((= 1))",
    {"error":"= 1: syntax error: operand expected (error token is \"= 1\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1 ,))",
    {"error":"1 ,: syntax error: operand expected (error token is \",\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((, 1))",
    {"error":", 1: syntax error: operand expected (error token is \", 1\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1 +* 2))",
    {"error":"1 +* 2: syntax error: operand expected (error token is \"* 2\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((x ? 1))",
    {"error":"x ? 1: `:' expected for conditional expression (error token is \"1\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1 ? : 2))",
    {"error":"1 ? : 2: expression expected (error token is \": 2\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1 ?))",
    {"error":"1 ?: expression expected (error token is \"?\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1 ? 2 :))",
    {"error":"1 ? 2 :: expression expected (error token is \":\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1 &&))",
    {"error":"1 &&: syntax error: operand expected (error token is \"&&\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((0 ||))",
    {"error":"0 ||: syntax error: operand expected (error token is \"||\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((++ ))",
    {"error":"++ : syntax error: operand expected (error token is \"+ \")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((--x++))",
    {"error":"--x++: ++: assignment requires lvalue (error token is \"++\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((++x++))",
    {"error":"++x++: ++: assignment requires lvalue (error token is \"++\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((x++ ++))",
    {"error":"x++ ++: syntax error: operand expected (error token is \"+\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((x++ $))",
    {"error":"x++ $: syntax error: invalid arithmetic operator (error token is \"$\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$(((1)$))",
    {"error":"(1)$: syntax error: operand expected (error token is \"$\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1 $ 2))",
    {"error":"1 $ 2: syntax error: invalid arithmetic operator (error token is \"$ 2\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$(($))",
    {"error":"$: syntax error: operand expected (error token is \"$\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((x y))",
    {"error":"x y: syntax error in expression (error token is \"y\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1.5))",
    {"error":"1.5: syntax error: invalid arithmetic operator (error token is \".5\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((x]))",
    {"error":"x]: syntax error: invalid arithmetic operator (error token is \"]\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((a[))",
    {"error":"a[: bad array subscript (error token is \"a[\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((a[1))",
    {"error":"a[1: bad array subscript (error token is \"a[1\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1 + a[))",
    {"error":"1 + a[: bad array subscript (error token is \"a[\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((a[1]]))",
    {"error":"a[1]]: syntax error: invalid arithmetic operator (error token is \"]\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((a[1][2]))",
    {"error":"a[1][2]: syntax error: invalid arithmetic operator (error token is \"[2]\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$(('a'))",
    {"error":"'a': syntax error: operand expected (error token is \"'a'\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1 ? 2 : 3 = 4))",
    {"error":"1 ? 2 : 3 = 4: attempted assignment to non-variable (error token is \"= 4\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$(((x) = 1))",
    {"error":"(x) = 1: attempted assignment to non-variable (error token is \"= 1\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((x == 1 = 2))",
    {"error":"x == 1 = 2: attempted assignment to non-variable (error token is \"= 2\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((--x = 3))",
    {"error":"--x = 3: attempted assignment to non-variable (error token is \"= 3\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((x-- = 3))",
    {"error":"x-- = 3: attempted assignment to non-variable (error token is \"= 3\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((-x = 3))",
    {"error":"-x = 3: attempted assignment to non-variable (error token is \"= 3\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((0 ? a=5 : b=6))",
    {"error":"0 ? a=5 : b=6: attempted assignment to non-variable (error token is \"=6\")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((1 || 2**-1 ))",
    {"error":"1 || 2**-1 : exponent less than 0 (error token is \"1 \")"}],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((0 && 1/0))",
    ["0"]],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((0 ? 1/0 : 3))",
    ["3"]],
  [{"vars":{"x":"3","a":["1","2"]}}, "$((a[1/0]))",
    {"error":"1/0: division by 0 (error token is \"0\")"}],
  [{"vars":{"x":"1 +"}}, "$((x))",
    {"error":"1 +: syntax error: operand expected (error token is \"+\")"}],
  [{"vars":{"x":"x"}}, "$((x))",
    {"error":"x: expression recursion level exceeded (error token is \"x\")"}],
  [{"vars":{"y":"z+1","z":"y+1"}}, "$((y))",
    {"error":"z+1: expression recursion level exceeded (error token is \"z+1\")"}],
  [{"vars":{"x":"a b"}}, "$((x))",
    {"error":"a b: syntax error in expression (error token is \"b\")"}],
  [{"vars":{"x":"08"}}, "$((x))",
    {"error":"08: value too great for base (error token is \"08\")"}],
  [{"vars":{"x":" 12 ","y":"abc","z":"3 + 4"}}, "$((x)) $((y)) $((z * 2))",
    ["12","0","14"]],
  [{"vars":{"r":"1"},"declare":{"r":"-r"}}, "$((r=2))",
    {"error":"r: readonly variable"}],
  [{"vars":{"a":["1","2","3"]}}, "$((a[-9]=7)) ${a[*]}",
    ["7","1","2","3"]],
  [{"vars":{"a":["1","2","3"]}}, "$((a[-5])) x",
    ["0","x"]],
];

for (const [setup, src, want] of cases) {
  test(src, async () => {
    assert.deepEqual(await mine(setup, src), want);
  });
}

test('bash 5.2 agrees with the expectations', { skip: !hasBash }, () => {
  for (const [setup, src, want] of cases) assert.deepEqual(theirs(setup, src), want, src);
});

import { evalArith } from '../../kernel/shell/arith.ts';
import { ShellVariables } from '../../kernel/shell/vars.ts';

test('out-of-range negative subscripts are warnings, as in bash', () => {
  const warnings: string[] = [];
  const v = new ShellVariables();
  v.setArray('a', ['1', '2', '3']);
  assert.equal(evalArith('a[-9]=7', v, { warn: (m) => warnings.push(m) }), 7n);
  assert.equal(evalArith('a[-5]', v, { warn: (m) => warnings.push(m) }), 0n);
  assert.deepEqual(warnings, ['a[-9]: bad array subscript', 'a: bad array subscript']);
  assert.deepEqual(v.values('a'), ['1', '2', '3']);
});

test('parsed expressions are cached: ((i++)) costs well under 50µs', () => {
  const v = new ShellVariables();
  v.set('i', '0');
  const t = performance.now();
  for (let k = 0; k < 20000; k++) evalArith('i++', v);
  const us = ((performance.now() - t) / 20000) * 1000;
  assert.equal(v.get('i'), '20000');
  assert.ok(us < 50, `${us}µs per evaluation`);
});
