import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWith } from './helpers.ts';

test('a WASM program gets argv unchanged, the environment, the shell cwd and its exit code', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wargs']);
  await vm.fs.mkdir('/tmp/work dir', { recursive: true });
  const r = await vm.exec('cd "/tmp/work dir" && GREETING="hi there" WEXIT=7 wargs a "b c" ""; echo "status=$?"');
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, [
    'argc=4', 'argv[0]=wargs', 'argv[1]=a', 'argv[2]=b c', 'argv[3]=',
    'GREETING=hi there', 'cwd=/tmp/work dir', 'status=7', '',
  ].join('\n'));
  const abs = await vm.exec('/usr/local/bin/wargs; echo "status=$?"');
  assert.match(abs.stdout, /^argc=1\nargv\[0\]=\/usr\/local\/bin\/wargs\nGREETING=\(unset\)\ncwd=\/home\/user\nstatus=0\n$/);
});

test('exit codes above 255 wrap like Linux and exit 0 is success', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wargs']);
  const r = await vm.exec('WEXIT=300 wargs >/dev/null; echo $?; WEXIT=0 wargs >/dev/null && echo ok');
  assert.equal(r.stdout, '44\nok\n');
});
