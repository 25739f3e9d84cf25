// cd: cd - and OLDPWD/PWD, logical vs physical paths, CDPATH, pushd/popd/dirs
// Expected output recorded from bash 5.2 (LC_ALL=C); re-checked live when /usr/bin/bash is 5.2.

import { test } from 'node:test';
import { checkSteps, type RunOptions, type RunResult, type Step } from './helpers.ts';
import { after } from 'node:test';
import { hostFiles } from './helpers.ts';

// the same tree in the VM and (for the live comparison) on the host
const R = '/tmp/agentvm-bt-cd';
const files = { [`${R}/real/sub/`]: '', [`${R}/cdp/target/`]: '', [`${R}/file`]: 'x' };
const links = { [`${R}/link`]: `${R}/real` };
after(hostFiles(R, files, links));
const opts = { files, links, cwd: '/tmp' };

const cases: { name: string; steps: Step[]; opts: RunOptions; expected: RunResult }[] = [
  {
    name: 'cd - goes back, prints the directory and swaps PWD/OLDPWD',
    steps: [['cd', '/tmp/agentvm-bt-cd'], ['declare', '-p', 'PWD', 'OLDPWD'], ['cd', 'real'], ['declare', '-p', 'PWD', 'OLDPWD'], ['cd', '-'], ['declare', '-p', 'PWD', 'OLDPWD'], ['cd', '-'], ['pwd'], ['unset', 'OLDPWD'], ['cd', '-'], ['declare', 'OLDPWD=/nonexistent'], ['cd', '-'], ['declare', '-p', 'PWD', 'OLDPWD']],
    opts,
    expected: { stdout: '<0>\ndeclare -x PWD="/tmp/agentvm-bt-cd"\ndeclare -x OLDPWD="/tmp"\n<0>\n<0>\ndeclare -x PWD="/tmp/agentvm-bt-cd/real"\ndeclare -x OLDPWD="/tmp/agentvm-bt-cd"\n<0>\n/tmp/agentvm-bt-cd\n<0>\ndeclare -x PWD="/tmp/agentvm-bt-cd"\ndeclare -x OLDPWD="/tmp/agentvm-bt-cd/real"\n<0>\n/tmp/agentvm-bt-cd/real\n<0>\n/tmp/agentvm-bt-cd/real\n<0>\n<0>\n<1>\n<0>\n<1>\ndeclare -x PWD="/tmp/agentvm-bt-cd/real"\ndeclare -- OLDPWD="/nonexistent"\n<0>\n', stderr: 'bash: line 1: cd: OLDPWD not set\nbash: line 1: cd: /nonexistent: No such file or directory\n' },
  },
  {
    name: 'logical paths keep symlinks; -P and pwd -P resolve them',
    steps: [['cd', '/tmp/agentvm-bt-cd/link'], ['pwd'], ['pwd', '-P'], ['declare', '-p', 'PWD', 'OLDPWD'], ['cd', '..'], ['pwd'], ['cd', '-P', 'link'], ['pwd'], ['declare', '-p', 'PWD', 'OLDPWD'], ['cd', '/tmp/agentvm-bt-cd/link/sub'], ['cd', '..'], ['pwd'], ['cd', '-L', '../..'], ['pwd'], ['cd', '/tmp/agentvm-bt-cd/link/../cdp'], ['pwd'], ['cd', '/tmp/agentvm-bt-cd/link/nonexist/../'], ['cd', '/tmp/agentvm-bt-cd/link/../nope'], ['cd', '/tmp/agentvm-bt-cd/link'], ['declare', 'PWD=/bogus'], ['pwd'], ['cd', '.'], ['declare', '-p', 'PWD', 'OLDPWD'], ['shopt', '-os', 'physical'], ['cd', '/tmp/agentvm-bt-cd/link'], ['pwd'], ['declare', '-p', 'PWD', 'OLDPWD']],
    opts,
    expected: { stdout: '<0>\n/tmp/agentvm-bt-cd/link\n<0>\n/tmp/agentvm-bt-cd/real\n<0>\ndeclare -x PWD="/tmp/agentvm-bt-cd/link"\ndeclare -x OLDPWD="/tmp"\n<0>\n<0>\n/tmp/agentvm-bt-cd\n<0>\n<0>\n/tmp/agentvm-bt-cd/real\n<0>\ndeclare -x PWD="/tmp/agentvm-bt-cd/real"\ndeclare -x OLDPWD="/tmp/agentvm-bt-cd"\n<0>\n<0>\n<0>\n/tmp/agentvm-bt-cd/link\n<0>\n<0>\n/tmp\n<0>\n<0>\n/tmp/agentvm-bt-cd/cdp\n<0>\n<1>\n<1>\n<0>\n<0>\n/tmp/agentvm-bt-cd/link\n<0>\n<0>\ndeclare -x PWD="/tmp/agentvm-bt-cd/link"\ndeclare -x OLDPWD="/bogus"\n<0>\n<0>\n<0>\n/tmp/agentvm-bt-cd/real\n<0>\ndeclare -x PWD="/tmp/agentvm-bt-cd/real"\ndeclare -x OLDPWD="/tmp/agentvm-bt-cd/link"\n<0>\n', stderr: 'bash: line 1: cd: /tmp/agentvm-bt-cd/link/nonexist/../: No such file or directory\nbash: line 1: cd: /tmp/agentvm-bt-cd/link/../nope: No such file or directory\n' },
  },
  {
    name: 'CDPATH, HOME and errors',
    steps: [['cd', '/tmp/agentvm-bt-cd'], ['declare', 'CDPATH=/tmp/agentvm-bt-cd/cdp'], ['cd', 'target'], ['declare', '-p', 'PWD', 'OLDPWD'], ['cd', './real'], ['cd', '/tmp/agentvm-bt-cd'], ['declare', 'CDPATH=:/tmp/agentvm-bt-cd/cdp'], ['cd', 'target'], ['pwd'], ['unset', 'CDPATH'], ['declare', 'HOME=/tmp/agentvm-bt-cd'], ['cd'], ['pwd'], ['declare', 'HOME='], ['cd'], ['pwd'], ['unset', 'HOME'], ['cd'], ['cd', '/nonexistent'], ['cd', '/tmp/agentvm-bt-cd/file'], ['cd', 'a', 'b'], ['cd', ''], ['pwd'], ['cd', '-z'], ['pwd', '-z'], ['cd', '//'], ['pwd'], ['cd', '///tmp//'], ['pwd']],
    opts,
    expected: { stdout: '<0>\n<0>\n/tmp/agentvm-bt-cd/cdp/target\n<0>\ndeclare -x PWD="/tmp/agentvm-bt-cd/cdp/target"\ndeclare -x OLDPWD="/tmp/agentvm-bt-cd"\n<0>\n<1>\n<0>\n<0>\n/tmp/agentvm-bt-cd/cdp/target\n<0>\n/tmp/agentvm-bt-cd/cdp/target\n<0>\n<0>\n<0>\n<0>\n/tmp/agentvm-bt-cd\n<0>\n<0>\n<0>\n/tmp/agentvm-bt-cd\n<0>\n<0>\n<1>\n<1>\n<1>\n<1>\n<0>\n/tmp/agentvm-bt-cd\n<0>\n<2>\n<2>\n<0>\n//\n<0>\n<0>\n/tmp\n<0>\n', stderr: 'bash: line 1: cd: ./real: No such file or directory\nbash: line 1: cd: HOME not set\nbash: line 1: cd: /nonexistent: No such file or directory\nbash: line 1: cd: /tmp/agentvm-bt-cd/file: Not a directory\nbash: line 1: cd: too many arguments\nbash: line 1: cd: -z: invalid option\ncd: usage: cd [-L|[-P [-e]] [-@]] [dir]\nbash: line 1: pwd: -z: invalid option\npwd: usage: pwd [-LP]\n' },
  },
  {
    name: 'pushd, popd and dirs share the stack',
    steps: [['declare', 'HOME=/tmp/agentvm-bt-cd'], ['pushd'], ['popd'], ['pushd', '/tmp/agentvm-bt-cd'], ['pushd', 'real'], ['pushd', '/tmp/agentvm-bt-cd/cdp'], ['dirs', '-v'], ['dirs', '-l', '+1'], ['pushd', '+2'], ['pushd', '-1'], ['pushd'], ['pushd', '-n', '/etc'], ['popd', '+1'], ['popd', '-0'], ['popd', '-n'], ['popd'], ['popd'], ['popd'], ['pushd', '/nonexistent'], ['dirs', '+9'], ['popd', 'x'], ['dirs', '-lv'], ['declare', '-p', 'PWD', 'OLDPWD']],
    opts,
    expected: { stdout: '<0>\n<1>\n<1>\n~ /tmp\n<0>\n~/real ~ /tmp\n<0>\n~/cdp ~/real ~ /tmp\n<0>\n 0  ~/cdp\n 1  ~/real\n 2  ~\n 3  /tmp\n<0>\n/tmp/agentvm-bt-cd/real\n<0>\n~ /tmp ~/cdp ~/real\n<0>\n~/cdp ~/real ~ /tmp\n<0>\n~/real ~/cdp ~ /tmp\n<0>\n~/real /etc ~/cdp ~ /tmp\n<0>\n~/real ~/cdp ~ /tmp\n<0>\n~/real ~/cdp ~\n<0>\n~/real ~\n<0>\n~\n<0>\n<1>\n<1>\n<1>\n<1>\n<2>\n<2>\ndeclare -x PWD="/tmp/agentvm-bt-cd"\ndeclare -x OLDPWD="/tmp/agentvm-bt-cd/real"\n<0>\n', stderr: 'bash: line 1: pushd: no other directory\nbash: line 1: popd: directory stack empty\nbash: line 1: popd: directory stack empty\nbash: line 1: popd: directory stack empty\nbash: line 1: pushd: /nonexistent: No such file or directory\nbash: line 1: dirs: directory stack empty\nbash: line 1: popd: x: invalid argument\npopd: usage: popd [-n] [+N | -N]\nbash: line 1: dirs: -lv: invalid number\ndirs: usage: dirs [-clpv] [+N] [-N]\n' },
  },
];

for (const c of cases) {
  test(`cd: ${c.name}`, async () => {
    await checkSteps(c.steps, c.expected, c.opts);
  });
}
