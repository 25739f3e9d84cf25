// A #!/bin/bash script made executable with `chmod +x` runs as ./s.sh and through PATH; before
// the chmod it is refused with "Permission denied".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../index.ts';

test('chmod +x makes a script runnable', async () => {
  await using vm = await createVM();
  {
    let r = await vm.exec("mkdir -p /tmp/b && cd /tmp/b && printf '#!/bin/bash\\necho \"ran $0 $1\"\\n' > s.sh && ./s.sh x");
    assert.equal(r.exitCode, 126);
    assert.match(r.stderr, /s\.sh: Permission denied/);
    r = await vm.exec('cd /tmp/b && chmod +x s.sh && stat -c %a s.sh && ./s.sh x');
    assert.deepEqual([r.exitCode, r.stdout, r.stderr], [0, '755\nran ./s.sh x\n', '']);
    r = await vm.exec('PATH=/tmp/b:$PATH; s.sh y');
    assert.deepEqual([r.exitCode, r.stdout, r.stderr], [0, 'ran /tmp/b/s.sh y\n', '']);
    r = await vm.exec('cd /tmp/b && chmod a-x s.sh && ./s.sh');
    assert.equal(r.exitCode, 126);
  }
});
