// Hazard: IFS field splitting. Only unquoted expansion results split; IFS white space
// collapses and is trimmed, each non-white-space IFS character (with adjacent white space) ends a
// field, so "a::b" has an empty middle field but a trailing delimiter makes no field; an empty
// IFS splits nothing; unset IFS is space-tab-newline; quoted empties keep a field.
// Each case: [setup, words, fields bash 5.2 produced (or its error message)].

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mine, theirs, hasBash, type Outcome, type Setup } from './harness.ts';

const cases: [Setup, string, Outcome][] = [
  [{"vars":{"x":" a  b "}}, "$x \"$x\" x${x}y",
    ["a","b"," a  b ","x","a","b","y"]],
  [{"vars":{"x":"a\tb\nc"}}, "$x",
    ["a","b","c"]],
  [{"vars":{"IFS":"o","x":"a"}}, "foo$x",
    ["fooa"]],
  [{"vars":{"IFS":"o"}}, "${y:-foo}",
    ["f",""]],
  [{"vars":{"IFS":":","x":"a:"}}, "$x\"b\"",
    ["a","b"]],
  [{"vars":{"IFS":":","x":":a"}}, "\"b\"$x",
    ["b","a"]],
  [{"vars":{"IFS":":","x":"a::b"}}, "$x",
    ["a","","b"]],
  [{"vars":{"IFS":":","x":"a:"}}, "$x",
    ["a"]],
  [{"vars":{"IFS":":","x":":a"}}, "$x",
    ["","a"]],
  [{"vars":{"IFS":": ","x":" : a"}}, "$x",
    ["","a"]],
  [{"vars":{"IFS":": ","x":"a : : b "}}, "$x",
    ["a","","b"]],
  [{"vars":{"IFS":": ","x":"a  b"}}, "$x",
    ["a","b"]],
  [{"vars":{"IFS":": ","x":":"}}, "$x",
    [""]],
  [{"vars":{"IFS":": ","x":"::"}}, "$x",
    ["",""]],
  [{"vars":{"IFS":": ","x":" "}}, "$x a$x a${x}b",
    ["a","a","b"]],
  [{"vars":{"IFS":":","x":":"}}, "a${x}b ${x}b a${x} $x$x",
    ["a","b","","b","a","",""]],
  [{"vars":{"IFS":":","x":"a:","y":":b"}}, "$x$y",
    ["a","","b"]],
  [{"vars":{"IFS":":","x":"a:"}}, "$x\"\" $x",
    ["a","","a"]],
  [{"vars":{"x":"a "}}, "$x\"\"",
    ["a",""]],
  [{"vars":{"x":""}}, "$x \"\" $x\"\" \"$x\" ''",
    ["","","",""]],
  [{"vars":{"IFS":"","x":" a  b "}}, "$x",
    [" a  b "]],
  [{"vars":{"IFS":null,"x":" a\tb  c "}}, "$x",
    ["a","b","c"]],
  [{"vars":{"IFS":" ","x":"a\tb"}}, "$x",
    ["a\tb"]],
  [{"vars":{"IFS":"1","x":"a1b1c"}}, "$x $((11)) \"$((11))\" $((101))",
    ["a","b","c","","","11","","0"]],
  [{"vars":{"IFS":"x","x":"axb"}}, "$(echo axb) \"$(echo axb)\"",
    ["a","b","axb"]],
  [{"vars":{"x":"a b"}}, "${y:-$x} \"${y:-$x}\" ${y:-\"$x\"c} ${x:+\"$x\"}",
    ["a","b","a b","a bc","a b"]],
  [{}, "${x=\"a  b\"} ${z:-\"a  b\"}",
    ["a","b","a  b"]],
  [{"vars":{"x":"a b"}}, "$x$x \"$x\"$x",
    ["a","ba","b","a ba","b"]],
  [{"vars":{"IFS":"-","x":"-a-"}}, "$x",
    ["","a"]],
  [{"vars":{"IFS":"- ","x":" - a - "}}, "$x",
    ["","a"]],
  [{"vars":{"IFS":" :","x":" :a"},"positional":[" :a"]}, "$x $@ $*",
    ["","a","a","a"]],
  [{"vars":{"IFS":" :","a":[" ::a"]},"positional":["",":a"]}, "${a[@]} ${a[*]} $@ z$@ \"\"$@",
    ["","a","","a","a","z","a","","a"]],
  [{"vars":{"IFS":" ab"},"positional":["a","b"]}, "${@#a} ${@#a}3",
    ["3"]],
  [{"vars":{"IFS":" :","x":" :"},"positional":[" :"]}, "$x $@",
    [""]],
  [{"vars":{"IFS":" ab","y":"3"},"positional":["","b"]}, "${*#a}3 ${@#a}3 ${*#a}${#y} $*3 ${*}3",
    ["","3","3","","1","3","","3"]],
  [{"vars":{"IFS":" :","a":[" :a"]},"positional":[" :a"]}, "$* ${*} ${*#q} ${*:1} ${a[*]} ${a[*]#q} ${@#q} ${*:-x} ${@:1}",
    ["a","","a","","a","","a","a","a","a","","a","a"]],
];

for (const [setup, src, want] of cases) {
  test(src, async () => {
    assert.deepEqual(await mine(setup, src), want);
  });
}

test('bash 5.2 agrees with the expectations', { skip: !hasBash }, () => {
  for (const [setup, src, want] of cases) assert.deepEqual(theirs(setup, src), want, src);
});
