// yes: output a string (default "y") repeatedly until killed. Writes 8 KiB at a time, so it
// ends on the first write after its reader went away (SIGPIPE / EPIPE).

import { WRITE_CHUNK, defineProgram, parseOptions, utf8Encode, type Ctx } from './util.ts';

const spec = {
  usage: ['[STRING]...', 'OPTION'],
  about: "Repeatedly output a line with all specified STRING(s), or 'y'.",
  options: [],
};

export const yes = defineProgram('yes', async (ctx: Ctx) => {
  const o = parseOptions(ctx, spec);
  const line = utf8Encode(`${o.operands.length ? o.operands.join(' ') : 'y'}\n`);
  const copies = Math.max(1, Math.floor(WRITE_CHUNK / line.length));
  const buf = new Uint8Array(copies * line.length);
  for (let i = 0; i < copies; i++) buf.set(line, i * line.length);
  const { proc } = ctx;
  for (;;) {
    // the kernel may keep what we hand it: give it its own copy each time
    await proc.write(1, buf.slice());
  }
});
