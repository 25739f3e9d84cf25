// declare -p: attribute letters, quoting and array formats exactly as bash prints them
// Expected output recorded from bash 5.2 (LC_ALL=C); re-checked live when /usr/bin/bash is 5.2.

import { test } from 'node:test';
import { checkSteps, type RunOptions, type RunResult, type Step } from './helpers.ts';

const cases: { name: string; steps: Step[]; opts: RunOptions; expected: RunResult }[] = [
  {
    name: 'scalars, attributes and quoting',
    steps: [['declare', 'x=1'], ['declare', '-p', 'x'], ['declare', 'w'], ['declare', '-p', 'w'], ['declare', 'q=a"b$c`d\\e!f'], ['declare', '-p', 'q'], ['declare', 'e='], ['declare', '-p', 'e'], ['declare', 'nl=a\nb'], ['declare', '-p', 'nl'], ['declare', '-i', 'n=2+3'], ['declare', '-p', 'n'], ['declare', '-l', 'lo=ABC'], ['declare', '-u', 'up=abc'], ['declare', '-c', 'ca=abc'], ['declare', '-p', 'lo', 'up', 'ca'], ['declare', '-x', 'ex=1'], ['declare', '-r', 'ro=2'], ['declare', '-irx', 'all=3'], ['declare', '-p', 'ex', 'ro', 'all'], ['declare', '-t', 'tr'], ['declare', '-p', 'tr'], ['declare', '-n', 'ref=x'], ['declare', '-p', 'ref'], ['declare', '-lu', 'both=MiXeD'], ['declare', '-p', 'both']],
    opts: {},
    expected: { stdout: "<0>\ndeclare -- x=\"1\"\n<0>\n<0>\ndeclare -- w\n<0>\n<0>\ndeclare -- q=\"a\\\"b\\$c\\`d\\\\e!f\"\n<0>\n<0>\ndeclare -- e=\"\"\n<0>\n<0>\ndeclare -- nl=$'a\\nb'\n<0>\n<0>\ndeclare -i n=\"5\"\n<0>\n<0>\n<0>\n<0>\ndeclare -l lo=\"abc\"\ndeclare -u up=\"ABC\"\ndeclare -c ca=\"Abc\"\n<0>\n<0>\n<0>\n<0>\ndeclare -x ex=\"1\"\ndeclare -r ro=\"2\"\ndeclare -irx all=\"3\"\n<0>\n<0>\ndeclare -t tr\n<0>\n<0>\ndeclare -n ref=\"x\"\n<0>\n<0>\ndeclare -- both=\"MiXeD\"\n<0>\n", stderr: '' },
  },
  {
    name: 'indexed and associative arrays',
    steps: [['declare', '-a', "a=(1 \"2 3\" \"\" \"it's\")"], ['declare', '-p', 'a'], ['declare', '-a', 'sp=([3]=x y [10]=z)'], ['declare', '-p', 'sp'], ['declare', '-a', 'ea=()'], ['declare', '-p', 'ea'], ['declare', '-a', 'un'], ['declare', '-p', 'un'], ['declare', '-A', 'm=([k]=v [x]=3 ["a b"]=2 ["\\""]=4)'], ['declare', '-p', 'm'], ['declare', '-A', 'eA=()'], ['declare', '-p', 'eA'], ['declare', '-A', 'uA'], ['declare', '-p', 'uA'], ['declare', '-ai', 'ia=(1+1 2*3)'], ['declare', '-p', 'ia'], ['declare', '-rA', 'ra=([a]=1)'], ['declare', '-p', 'ra'], ['declare', 's=scalar'], ['declare', '-a', 's'], ['declare', '-p', 's'], ['declare', '-A', 'pairs=(k1 v1 k2)'], ['declare', '-p', 'pairs'], ['declare', 'b[2]=x'], ['declare', '-p', 'b'], ['declare', '-a', 'c="x"'], ['declare', '-p', 'c'], ['declare', '-a', 'paren=(x'], ['declare', '-p', 'paren'], ['declare', 'str=(1 2)'], ['declare', '-p', 'str']],
    opts: {},
    expected: { stdout: "<0>\ndeclare -a a=([0]=\"1\" [1]=\"2 3\" [2]=\"\" [3]=\"it's\")\n<0>\n<0>\ndeclare -a sp=([3]=\"x\" [4]=\"y\" [10]=\"z\")\n<0>\n<0>\ndeclare -a ea=()\n<0>\n<0>\ndeclare -a un\n<0>\n<0>\ndeclare -A m=([\"\\\"\"]=\"4\" [x]=\"3\" [k]=\"v\" [\"a b\"]=\"2\" )\n<0>\n<0>\ndeclare -A eA=()\n<0>\n<0>\ndeclare -A uA\n<0>\n<0>\ndeclare -ai ia=([0]=\"2\" [1]=\"6\")\n<0>\n<0>\ndeclare -Ar ra=([a]=\"1\" )\n<0>\n<0>\n<0>\ndeclare -a s=([0]=\"scalar\")\n<0>\n<0>\ndeclare -A pairs=([k1]=\"v1\" [k2]=\"\" )\n<0>\n<0>\ndeclare -a b=([2]=\"x\")\n<0>\n<0>\ndeclare -a c=([0]=\"\\\"x\\\"\")\n<0>\n<0>\ndeclare -a paren=([0]=\"(x\")\n<0>\n<0>\ndeclare -- str=\"(1 2)\"\n<0>\n", stderr: '' },
  },
  {
    name: 'errors',
    steps: [['declare', '1x=2'], ['declare', 'ok=1', '1y', '2z=3'], ['declare', '-p', 'ok', 'nope'], ['declare', '-a', 'ia2'], ['declare', '-A', 'ia2'], ['declare', '-A', 'as2'], ['declare', '-a', 'as2'], ['declare', '-r', 'r1=1'], ['declare', 'r1=2'], ['declare', '+r', 'r1'], ['declare', '-n', 'nr=1bad'], ['declare', '-z'], ['typeset', '-z'], ['local', 'x'], ['export', '1x'], ['readonly', '-z'], ['export', '-z'], ['declare', '-f', 'nofn'], ['declare', '-F', 'nofn']],
    opts: {},
    expected: { stdout: '<1>\n<1>\ndeclare -- ok="1"\n<1>\n<0>\n<1>\n<0>\n<1>\n<0>\n<1>\n<1>\n<1>\n<2>\n<2>\n<1>\n<1>\n<2>\n<2>\n<1>\n<1>\n', stderr: "bash: line 1: declare: `1x=2': not a valid identifier\nbash: line 1: declare: `1y': not a valid identifier\nbash: line 1: declare: `2z=3': not a valid identifier\nbash: line 1: declare: nope: not found\nbash: line 1: declare: ia2: cannot convert indexed to associative array\nbash: line 1: declare: as2: cannot convert associative to indexed array\nbash: line 1: declare: r1: readonly variable\nbash: line 1: declare: r1: readonly variable\nbash: line 1: declare: `1bad': invalid variable name for name reference\nbash: line 1: declare: -z: invalid option\ndeclare: usage: declare [-aAfFgiIlnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]\nbash: line 1: typeset: -z: invalid option\ntypeset: usage: typeset [-aAfFgiIlnrtux] name[=value] ... or typeset -p [-aAfFilnrtux] [name ...]\nbash: line 1: local: can only be used in a function\nbash: line 1: export: `1x': not a valid identifier\nbash: line 1: readonly: -z: invalid option\nreadonly: usage: readonly [-aAf] [name[=value] ...] or readonly -p\nbash: line 1: export: -z: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n" },
  },
  {
    name: 'export and readonly listings of their own variables',
    steps: [['export', 'E1=1', 'E2'], ['export', '-n', 'E1'], ['declare', '-p', 'E1', 'E2'], ['readonly', 'R1=x', 'R2'], ['declare', '-p', 'R1', 'R2'], ['readonly', '-a', 'RA=(1 2)'], ['declare', '-p', 'RA'], ['declare', '+x', 'E2'], ['declare', '-p', 'E2'], ['declare', '-x', 'E3=q'], ['declare', '-p', 'E3']],
    opts: {},
    expected: { stdout: '<0>\n<0>\ndeclare -- E1="1"\ndeclare -x E2\n<0>\n<0>\ndeclare -r R1="x"\ndeclare -r R2\n<0>\n<0>\ndeclare -ar RA=([0]="1" [1]="2")\n<0>\n<0>\ndeclare -- E2\n<0>\n<0>\ndeclare -x E3="q"\n<0>\n', stderr: '' },
  },
];

for (const c of cases) {
  test(`declare -p: ${c.name}`, async () => {
    await checkSteps(c.steps, c.expected, c.opts);
  });
}
