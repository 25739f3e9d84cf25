// Hazard: "$@" vs "$*" vs unquoted. "$@" gives one field per parameter (even empty ones,
// none at all when there are no parameters, prefix/suffix glued to the first/last); "$*" joins
// with the first IFS character (space if unset, nothing if null); unquoted $@/$* join with the
// first IFS character and split again, or stay separate fields when IFS is null; the same for
// "${a[@]}"/"${a[*]}" and inside ${x:+"$@"} operands.
// Each case: [setup, words, fields bash 5.2 produced (or its error message)].

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mine, theirs, hasBash, type Outcome, type Setup } from './harness.ts';

const cases: [Setup, string, Outcome][] = [
  [{"positional":[]}, "\"$@\"",
    []],
  [{"positional":[]}, "\"$@\" \"\"",
    [""]],
  [{"positional":[]}, "\"\"$@",
    [""]],
  [{"positional":[]}, "\"x$@y\"",
    ["xy"]],
  [{"positional":[]}, "\"$@\"\"$@\"",
    []],
  [{"positional":[]}, "\"$@\"\"\"",
    [""]],
  [{"positional":[],"vars":{"x":""}}, "\"$@$x\" \"${x}$@\" \"$x$@$x\"",
    []],
  [{"positional":["a","b"]}, "\"x$@y\"",
    ["xa","by"]],
  [{"positional":["a","","b"]}, "$@",
    ["a","b"]],
  [{"positional":["a","","b"]}, "\"$@\"",
    ["a","","b"]],
  [{"positional":["a b","c"],"vars":{"IFS":""}}, "$@ $*",
    ["a b","c","a b","c"]],
  [{"positional":["a b","c"],"vars":{"IFS":""}}, "\"$*\"",
    ["a bc"]],
  [{"positional":["a b","c"],"vars":{"IFS":null}}, "\"$*\"",
    ["a b c"]],
  [{"positional":["a b","c"],"vars":{"IFS":":"}}, "\"$*\" $* ${*}",
    ["a b:c","a b","c","a b","c"]],
  [{"positional":["a:b","c"],"vars":{"IFS":":"}}, "$* $@",
    ["a","b","c","a","b","c"]],
  [{"positional":["",""],"vars":{"IFS":":"}}, "$* $@",
    ["",""]],
  [{"positional":["","",""],"vars":{"IFS":":"}}, "$@",
    ["",""]],
  [{"positional":["","a"]}, "$* x$*",
    ["a","x","a"]],
  [{"positional":["","a"],"vars":{"IFS":":"}}, "$* x$*",
    ["","a","x","a"]],
  [{"positional":["a:",":b"],"vars":{"IFS":":"}}, "$@",
    ["a","","","b"]],
  [{"positional":["a:","b"],"vars":{"IFS":" :"}}, "$*",
    ["a","b"]],
  [{"positional":["a b","c"],"vars":{"IFS":":"}}, "x$@y",
    ["xa b","cy"]],
  [{"positional":["",""],"vars":{"IFS":""}}, "$@ x$@",
    ["x"]],
  [{"positional":["",""]}, "$* \"$*\" \"$@\"",
    [" ","",""]],
  [{"vars":{"a":["",""],"IFS":":"}}, "${a[@]} ${a[*]}",
    ["",""]],
  [{"vars":{"a":["a:b","c"],"IFS":":"}}, "${a[@]} \"${a[*]}\" \"${a[@]}\"",
    ["a","b","c","a:b:c","a:b","c"]],
  [{"vars":{"a":[]}}, "\"${a[@]}\" \"${a[*]}\"",
    [""]],
  [{"positional":["a","b"],"vars":{"IFS":":"}}, "\"$*\" \"${*}\" \"${@:1}\" \"${*:1}\"",
    ["a:b","a:b","a","b","a:b"]],
  [{"positional":["a","b"]}, "${x:+\"$@\"}",
    []],
  [{"positional":["a b","c"],"vars":{"x":"1"}}, "${x:+\"$@\"} ${x:+$@} \"${x:+$@}\"",
    ["a b","c","a","b","c","a b","c"]],
  [{"positional":["a b","c"]}, "${x:-\"$@\"} \"${x:-$@}\" \"${x:-\"$@\"}\" ${x:-\"$*\"}",
    ["a b","c","a b","c","a b","c","a b c"]],
  [{"positional":[]}, "\"${x:-\"$@\"}\"",
    [""]],
  [{"positional":[]}, "${x:-\"$@\"}",
    []],
  [{"positional":[]}, "\"${x:-$@}\" \"${x:-$*}\" ${x:-\"$*\"}",
    ["","",""]],
  [{"positional":[],"vars":{"x":"1"}}, "${x:+\"$@\"} \"${x:+$@}\" \"${x:+\"$@\"}\"",
    ["",""]],
  [{"positional":[]}, "\"${@:-}\" \"${@}\" \"${@#a}\" \"${@/a/b}\" \"${*/a/b}\" \"${@:1}\" \"${@^}\"",
    ["",""]],
  [{"positional":["a b","c"]}, "\"${@:2}\" \"${@:1:1}\" \"${*:1}\"",
    ["c","a b","a b c"]],
];

for (const [setup, src, want] of cases) {
  test(src, async () => {
    assert.deepEqual(await mine(setup, src), want);
  });
}

test('bash 5.2 agrees with the expectations', { skip: !hasBash }, () => {
  for (const [setup, src, want] of cases) assert.deepEqual(theirs(setup, src), want, src);
});
