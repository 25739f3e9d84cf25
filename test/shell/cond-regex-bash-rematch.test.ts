import { test } from 'node:test';
import assert from 'node:assert/strict';
import { both } from './helpers.ts';

test('=~ fills BASH_REMATCH with the POSIX leftmost-longest match', async () => {
  const script = [
    '[[ "key=value" =~ ^([a-z]+)=(.*)$ ]] && echo "${BASH_REMATCH[0]}|${BASH_REMATCH[1]}|${BASH_REMATCH[2]}"',
    '[[ ab =~ (a|ab) ]]; echo "${BASH_REMATCH[@]}"',
    '[[ xyz =~ q ]]; echo "$? ${#BASH_REMATCH[@]}"',
    're="^[[:digit:]]{2,3}$"; [[ 123 =~ $re ]] && echo digits',
    '[[ a.b =~ a"."b ]]; echo "$?"; [[ axb =~ a"."b ]]; echo "$?"',
    're="("; [[ x =~ $re ]]; echo "bad $?"',
    'shopt -s nocasematch; [[ ABC =~ ^abc$ ]] && echo nocase',
    '[[ "a b" =~ a\\ b ]] && echo escaped-space',
  ].join('\n');
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, 'key=value|key|value\nab ab\n1 0\ndigits\n0\n1\nbad 2\nnocase\nescaped-space\n');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});

test('[[ ]] string, pattern, arithmetic and file operators', async () => {
  const script = [
    '[[ abc == a* ]] && echo glob; [[ abc == "a*" ]] || echo literal',
    '[[ 010 -eq 8 ]] && echo octal; [[ 2+3 -eq 5 ]] && echo arith',
    '[[ a < b && ! b < a ]] && echo order',
    '[[ -d / && -f /etc/passwd || -e / ]] && echo files',
    '[[ -n "" ]] || echo empty; [[ -v PATH && ! -v NOPE_X ]] && echo isset',
    'a=(1 2); [[ -v a[1] ]] && echo elem',
    '[[ x ]] && [[ ! "" ]] && echo words',
  ].join('\n');
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, 'glob\nliteral\noctal\narith\norder\nfiles\nempty\nisset\nelem\nwords\n');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});
