// Any assignment to OPTIND resets getopts' hidden scan position (bash's sv_optind), even
// `OPTIND=1` while OPTIND already reads 1 in the middle of an option group; a function with a
// local OPTIND gives the caller its scan position back on return.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { both } from '../shell/helpers.ts';

const cases: [string, string][] = [
  ['getopts ab x -ab; echo $x $OPTIND; OPTIND=1; getopts ab x -ab; echo $x $OPTIND', 'a 1\na 1\n'],
  ['getopts ab x -ab; OPTIND=$OPTIND; getopts ab x -ab; echo $x $OPTIND', 'a 1\n'],
  ['f(){ local OPTIND; getopts ab x -ab; echo $x $OPTIND; }; getopts ab x -ab; echo $x; f; getopts ab x -ab; echo $x $OPTIND', 'a\na 1\nb 2\n'],
  ['while getopts ab: o -a -b arg -ab x; do echo $o $OPTARG $OPTIND; done', 'a 2\nb arg 4\na 4\nb x 6\n'],
];

for (const [script, expected] of cases) {
  test(script, async () => {
    const { vm, bash } = await both(script);
    assert.equal(vm.stdout, expected);
    if (bash) assert.equal(vm.stdout, bash.stdout);
  });
}
