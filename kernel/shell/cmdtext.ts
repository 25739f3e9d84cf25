// Text of a command for job listings, `time` and BASH_COMMAND (bash's print_cmd output).

import type { Command } from './ast.ts';
import { printCommand } from './print.ts';

export function commandText(cmd: Command): string {
  try {
    return printCommand(cmd).replace(/\s*\n\s*/g, '; ').replace(/;\s*;/g, ';').trim();
  } catch {
    return '';
  }
}
