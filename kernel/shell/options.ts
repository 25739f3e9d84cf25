// `set` options: single-letter flags <-> `set -o` names, $- and SHELLOPTS, and the default
// shopt settings of bash 5.2.

/** Every `set -o` name, in the order `set -o` lists them. */
export const setOptionNames = [
  'allexport', 'braceexpand', 'emacs', 'errexit', 'errtrace', 'functrace', 'hashall', 'histexpand',
  'history', 'ignoreeof', 'interactive-comments', 'keyword', 'monitor', 'noclobber', 'noexec', 'noglob',
  'nolog', 'notify', 'nounset', 'onecmd', 'physical', 'pipefail', 'posix', 'privileged', 'verbose', 'vi',
  'xtrace',
] as const;

const optionSet = new Set<string>(setOptionNames);
export function isSetOption(name: string): boolean { return optionSet.has(name); }

/** Flag letters in bash's $- order, with the option each one names ('i' is not an -o option). */
export const flagLetters: [string, string][] = [
  ['a', 'allexport'], ['b', 'notify'], ['e', 'errexit'], ['f', 'noglob'], ['h', 'hashall'], ['i', ''],
  ['k', 'keyword'], ['m', 'monitor'], ['n', 'noexec'], ['p', 'privileged'], ['t', 'onecmd'], ['u', 'nounset'],
  ['v', 'verbose'], ['x', 'xtrace'], ['B', 'braceexpand'], ['C', 'noclobber'], ['E', 'errtrace'],
  ['H', 'histexpand'], ['P', 'physical'], ['T', 'functrace'],
];

const letterToName = new Map(flagLetters.filter(([, n]) => n !== ''));
export function optionForLetter(c: string): string | undefined { return letterToName.get(c); }

/** $-: flag letters of the options that are on, then i, then c/s as bash appends them. */
export function dollarDash(opts: Set<string>, interactive: boolean, extra: string): string {
  let s = '';
  for (const [c, n] of flagLetters) {
    if (c === 'i') { if (interactive) s += 'i'; continue; }
    if (opts.has(n)) s += c;
  }
  return s + extra;
}

/** SHELLOPTS: the `set -o` names that are on, colon-separated, in listing order. */
export function shellopts(opts: Set<string>): string {
  let s = '';
  for (const n of setOptionNames) if (opts.has(n)) s += (s ? ':' : '') + n;
  return s;
}

/** shopt options that are on by default in a non-interactive bash 5.2. */
export const defaultShopts = [
  'checkwinsize', 'cmdhist', 'complete_fullquote', 'extquote', 'force_fignore', 'globasciiranges',
  'globskipdots', 'hostcomplete', 'interactive_comments', 'patsub_replacement', 'progcomp', 'promptvars',
  'sourcepath',
];

/** `set -o` options on by default. */
export const defaultSetOptions = ['braceexpand', 'hashall', 'interactive-comments'];
/** … and the extra ones of an interactive shell. */
export const interactiveSetOptions = ['emacs', 'histexpand', 'history', 'monitor'];
