// true and false.

import type { Shell } from '../contracts.ts';

export async function trueBuiltin(_sh: Shell, _args: string[]): Promise<number> { return 0; }
export async function falseBuiltin(_sh: Shell, _args: string[]): Promise<number> { return 1; }
