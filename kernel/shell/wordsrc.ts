// Source-like text of an unexpanded word, for messages ("$x: ambiguous redirect") and xtrace of
// array assignments: the parser's printer.

export { printWord as wordSource } from './print.ts';
