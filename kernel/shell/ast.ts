// The shell's abstract syntax tree: the contract between parser.ts, expand.ts and exec.ts.
// Words keep their quoting structure; expansion happens at run time, in bash's order.

export interface Script { type: 'Script'; items: ListItem[] }

/** One element of a command list: `cmd ;`, `cmd &` or a newline-terminated command. */
export interface ListItem { command: Command; background: boolean; line: number }

export type Command =
  | SimpleCommand | Pipeline | AndOr | Subshell | Group | If | For | ArithFor | While
  | Case | Select | FunctionDef | ArithCommand | CondCommand;

export interface SimpleCommand {
  type: 'Simple';
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
  line: number;
}

/** `a | b |& c`: stderrToo[i] is true when stage i is joined to i+1 by `|&`. */
export interface Pipeline {
  type: 'Pipeline'; commands: Command[]; negated: boolean; timed: boolean; timePosix: boolean;
  stderrToo: boolean[]; line: number;
}
export interface AndOr { type: 'AndOr'; op: '&&' | '||'; left: Command; right: Command; line: number }
export interface Subshell { type: 'Subshell'; body: Script; redirects: Redirect[]; line: number }
export interface Group { type: 'Group'; body: Script; redirects: Redirect[]; line: number }
export interface If {
  type: 'If'; clauses: { cond: Script; body: Script }[]; elseBody: Script | null; redirects: Redirect[]; line: number;
}
/** `for name in words; do …; done`; words === null means `for name; do` (iterate "$@"). */
export interface For { type: 'For'; name: string; words: Word[] | null; body: Script; redirects: Redirect[]; line: number }
/** `for (( init; cond; step ))` — each part is unexpanded arithmetic text (null when empty). */
export interface ArithFor {
  type: 'ArithFor'; init: Word | null; cond: Word | null; step: Word | null; body: Script; redirects: Redirect[]; line: number;
}
export interface While { type: 'While'; until: boolean; cond: Script; body: Script; redirects: Redirect[]; line: number }
export interface CaseItem { patterns: Word[]; body: Script; terminator: ';;' | ';&' | ';;&' }
export interface Case { type: 'Case'; word: Word; items: CaseItem[]; redirects: Redirect[]; line: number }
export interface Select { type: 'Select'; name: string; words: Word[] | null; body: Script; redirects: Redirect[]; line: number }
/** `name() compound` or `function name compound`; the body's redirects apply at each call. */
export interface FunctionDef { type: 'FunctionDef'; name: string; body: Command; line: number; source: string }
/** `(( expr ))` — expr is unexpanded arithmetic text as a Word (expanded, then evaluated). */
export interface ArithCommand { type: 'ArithCommand'; expr: Word; redirects: Redirect[]; line: number }
/** `[[ … ]]` */
export interface CondCommand { type: 'Cond'; expr: CondExpr; redirects: Redirect[]; line: number }

export type CondExpr =
  | { type: 'CondAnd'; left: CondExpr; right: CondExpr }
  | { type: 'CondOr'; left: CondExpr; right: CondExpr }
  | { type: 'CondNot'; expr: CondExpr }
  | { type: 'CondParen'; expr: CondExpr }
  /** `-f file`, `-z str`, `-v name`, … */
  | { type: 'CondUnary'; op: string; arg: Word }
  /** `==`/`=`/`!=` (right side is a pattern), `=~` (right side is an ERE), `<`, `>`, `-eq`…, `-nt`, `-ef`… */
  | { type: 'CondBinary'; op: string; left: Word; right: Word }
  /** a lone word: true when non-empty */
  | { type: 'CondWord'; word: Word };

// ---- words ----

export interface Word {
  type: 'Word';
  parts: WordPart[];
  /** Set for declaration-builtin arguments that look like assignments (`declare a=(1 2)`, `local x=$y`). */
  assignment?: Assignment;
}

export type WordPart =
  /** Unquoted text: subject to brace expansion, field splitting (if produced by expansion) and globbing. */
  | { type: 'Literal'; value: string }
  /** `'…'` */
  | { type: 'SingleQuoted'; value: string }
  /** `$'…'` with escapes already decoded */
  | { type: 'AnsiC'; value: string }
  /** `"…"` (and `$"…"`) */
  | { type: 'DoubleQuoted'; parts: WordPart[] }
  /** `\c` outside quotes (value is c); inside double quotes escapes become Literal text */
  | { type: 'Escaped'; value: string }
  /** `~` or `~user` at the start of a word or after `=`/`:` in an assignment value */
  | { type: 'Tilde'; user: string }
  | ParamPart
  /** `$(…)` or `` `…` `` — body parsed eagerly */
  | { type: 'CommandSub'; body: Script; backquote: boolean }
  /** `$(( … ))` or `$[ … ]` — expression text as a Word, expanded then evaluated */
  | { type: 'Arith'; expr: Word }
  /** `<(…)` / `>(…)` */
  | { type: 'ProcessSub'; direction: '<' | '>'; body: Script };

/**
 * `$name`, `${name…}`. `name` is a variable name, a positional number, or one of @ * # ? - $ ! 0.
 * `index` is the unexpanded subscript for `name[…]` (the word `@` or `*` for whole-array forms).
 */
export interface ParamPart {
  type: 'Param';
  name: string;
  index?: Word;
  /** `${!name}` indirection (not the `${!prefix*}` / `${!arr[@]}` forms, which are ops). */
  indirect?: boolean;
  op?: ParamOp;
  /** true for the braced form `${…}` */
  braced: boolean;
}

export type ParamOp =
  | { op: 'length' }                                             // ${#x}, ${#a[@]}
  | { op: 'prefixNames'; star: boolean }                         // ${!prefix*}, ${!prefix@}
  | { op: 'keys'; star: boolean }                                // ${!a[@]}, ${!a[*]}
  | { op: 'default' | 'assign' | 'error' | 'alternate'; colon: boolean; word: Word } // - = ? +
  | { op: 'removePrefix' | 'removeSuffix'; longest: boolean; pattern: Word }         // # ## % %%
  | { op: 'replace'; mode: 'first' | 'all' | 'prefix' | 'suffix'; pattern: Word; replacement: Word | null }
  | { op: 'substring'; offset: Word; length: Word | null }      // ${x:o:l} (arith text as Words)
  | { op: 'case'; mode: 'upperFirst' | 'upperAll' | 'lowerFirst' | 'lowerAll' | 'toggleFirst' | 'toggleAll'; pattern: Word | null }
  | { op: 'transform'; letter: string };                         // ${x@Q} etc.

// ---- assignments and redirections ----

export interface ArrayElement { index: Word | null; value: Word }

export interface Assignment {
  name: string;
  /** `a[i]=v` — unexpanded subscript */
  index?: Word;
  append: boolean;            // +=
  value: Word | null;         // scalar value (null with `array`)
  array?: ArrayElement[];     // `a=(…)`
}

export type RedirectOp =
  | '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redirect {
  op: RedirectOp;
  /** explicit fd number before the operator, if any */
  fd?: number;
  /** `{var}>file`: allocate an fd >= 10 and store it in var */
  fdVar?: string;
  /** file name, fd number/`-` for dup forms, here-string word, or the here-doc delimiter */
  target: Word;
  /** here-doc body: literal when the delimiter was quoted, else expandable parts */
  heredoc?: { body: Word; quoted: boolean };
}
