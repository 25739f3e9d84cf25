// The builtins that need no interpreter internals (the interpreter's own are in
// ../builtins-core.ts): name → implementation, plus the POSIX special builtins list.

import type { Builtin } from '../contracts.ts';
import { alias, unalias } from './alias.ts';
import { caller } from './caller.ts';
import { cd, dirs, popd, pushd, pwd } from './cd.ts';
import { compgen } from './compgen.ts';
import { declare, exportBuiltin, local, readonlyBuiltin, typeset } from './declare.ts';
import { echo } from './echo.ts';
import { enable } from './enable.ts';
import { getopts } from './getopts.ts';
import { hash } from './hash.ts';
import { help } from './help.ts';
import { historyBuiltin } from '../history.ts';
import { letBuiltin } from './let.ts';
import { mapfile, readarray } from './mapfile.ts';
import { coreBuiltinNames, setImplementedCheck } from './names.ts';
import { printf } from './printf.ts';
import { read } from './read.ts';
import { shopt } from './shopt.ts';
import { bracket, test } from './test.ts';
import { falseBuiltin, trueBuiltin } from './truefalse.ts';
import { type } from './type.ts';
import { ulimit } from './ulimit.ts';
import { umask } from './umask.ts';
import { unset } from './unset.ts';

export const builtins: Map<string, Builtin> = new Map<string, Builtin>([
  ['alias', alias], ['unalias', unalias],
  ['caller', caller],
  ['cd', cd], ['pwd', pwd], ['pushd', pushd], ['popd', popd], ['dirs', dirs],
  ['compgen', compgen],
  ['declare', declare], ['typeset', typeset], ['local', local], ['export', exportBuiltin], ['readonly', readonlyBuiltin],
  ['echo', echo],
  ['enable', enable],
  ['getopts', getopts],
  ['hash', hash],
  ['help', help],
  ['history', historyBuiltin],
  ['let', letBuiltin],
  ['mapfile', mapfile], ['readarray', readarray],
  ['printf', printf],
  ['read', read],
  ['shopt', shopt],
  ['test', test], ['[', bracket],
  ['true', trueBuiltin], ['false', falseBuiltin],
  ['type', type],
  ['ulimit', ulimit],
  ['umask', umask],
  ['unset', unset],
]);

/** POSIX special builtins (found before functions; assignment and error rules differ in posix mode). */
export const specialBuiltins: Set<string> = new Set([
  'break', ':', '.', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift',
  'times', 'trap', 'unset',
]);

setImplementedCheck((name) => builtins.has(name) || coreBuiltinNames.has(name));
