// Function definitions as `declare -f` / `type` print them (the parser's printer).

import type { FunctionDef } from '../ast.ts';
import { printCommand } from '../print.ts';

/** Kept for callers that await it; the printer is loaded statically. */
export async function loadPrinter(): Promise<void> {}

/** `name () \n{ \n    body\n}` (no trailing newline). */
export function printFunction(name: string, fn: FunctionDef): string {
  return printCommand(fn.name === name ? fn : { ...fn, name });
}
