import { test } from 'node:test';
import assert from 'node:assert/strict';
import { both } from './helpers.ts';

test(';; stops, ;& falls into the next body, ;;& tests the next patterns', async () => {
  const script = [
    'for w in apple banana cherry; do',
    '  case $w in',
    '    a*) echo "$w: a" ;&',
    '    b*) echo "$w: b or fell" ;;&',
    '    *an*) echo "$w: has an" ;;',
    '    c*|d*) echo "$w: c" ;;',
    '    *) echo "$w: default" ;;',
    '  esac',
    'done',
  ].join('\n');
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, 'apple: a\napple: b or fell\napple: default\nbanana: b or fell\nbanana: has an\ncherry: c\n');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});

test('quoted patterns are literal; nocasematch and extglob apply', async () => {
  const script = [
    'x="a*"; case ab in "$x") echo quoted;; $x) echo pattern;; esac',
    'shopt -s nocasematch; case ABC in abc) echo nocase;; esac; shopt -u nocasematch',
    'shopt -s extglob',
    'case foo.txt in !(*.md)) echo not-md;; esac',
    'case "" in "") echo empty;; esac; case x in [[:alpha:]]) echo class;; esac; echo "st=$?"',
  ].join('\n');
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, 'pattern\nnocase\nnot-md\nempty\nclass\nst=0\n');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});
