// Function definitions as `declare -f` / `type` print them, through the parser's printer
// (print.ts) when it is present; else the definition's source text.

import type { FunctionDef } from '../ast.ts';

type Printer = (cmd: FunctionDef) => string;
let printer: Printer | null | undefined;

/** Loads print.ts's printCommand once (it is optional while the parser is being written). */
export async function loadPrinter(): Promise<void> {
  if (printer !== undefined) return;
  try {
    const mod = await import(new URL('../print.ts', import.meta.url).href) as { printCommand?: Printer };
    printer = mod.printCommand ?? null;
  } catch {
    printer = null;
  }
}

/** `name () \n{ \n    body\n}` (no trailing newline). */
export function printFunction(name: string, fn: FunctionDef): string {
  if (printer) return printer(fn.name === name ? fn : { ...fn, name });
  return fn.source.replace(/\n$/, '');
}
