# [[ ]] conditional command.
#### glob-match-quoted-vs-unquoted
x=file.txt
[[ $x == *.txt ]] && echo match
[[ $x == "*.txt" ]] || echo quoted-literal
p='*.txt'
[[ $x == $p ]] && echo var-pattern
[[ $x == "$p" ]] || echo quoted-var-literal
#### no-word-splitting-or-globbing
x="a b"
[[ $x == "a b" ]] && echo ok
e=
[[ -z $e ]] && echo empty-ok
y='*'
[[ $y == '*' ]] && echo star-ok
#### and-or-not-grouping
[[ 1 -eq 1 && ( 2 -eq 3 || ! 4 -eq 5 ) ]] && echo yes
[[ ! ( a == a ) ]] || echo negated
#### lexical-compare
[[ abc < abd ]] && echo lt
[[ B < a ]] && echo C-locale-order
[[ 10 < 9 ]] && echo string-not-number
#### arithmetic-operands
x=3
[[ x+1 -eq 4 ]] && echo arith-eval
[[ 0x10 -eq 16 ]] && echo hex
[[ 010 -eq 8 ]] && echo octal
#### unset-var-unquoted
unset u
[[ $u == "" ]] && echo empty
[[ -n $u ]] || echo not-n
#### extglob-patterns-always-on
x=foo123
[[ $x == foo+([0-9]) ]] && echo extglob
[[ $x == @(bar|foo)* ]] && echo alternation
[[ $x == !(foo*) ]] || echo negation
#### v-on-array-elements
a=(x)
[[ -v a[0] ]] && echo zero
[[ -v a[1] ]] || echo no-one
[[ -v a ]] && echo a-set
#### single-equals-is-pattern
[[ abc = a* ]] && echo pattern
[[ abc != a* ]] || echo neq-pattern
#### file-operators
mkdir d
touch d/f
[[ -d d && -f d/f && ! -e d/g ]] && echo ok
#### escaped-glob-characters
x='a*b'
[[ $x == a\*b ]] && echo literal
[[ axyb == a\*b ]] || echo no-glob
[[ $x == a'*'b ]] && echo quoted-part
#### status-values
[[ a == b ]]; echo $?
[[ a == a ]]; echo $?
[[ 1 -eq x ]]; echo $?
#### string-with-newline
x=$'a\nb'
[[ $x == a?b ]] && echo question-matches-newline
[[ $x == *$'\n'* ]] && echo contains-newline
#### bracket-expression-in-pattern
[[ b == [abc] ]] && echo in-set
[[ d == [!abc] ]] && echo not-in-set
[[ - == [a-] ]] && echo dash-literal
#### numeric-compare-invalid
[[ abc -lt 1 ]] && echo abc-is-zero
x=abc
abc=5
[[ x -eq 5 ]] && echo indirect
#### nocasematch
shopt -s nocasematch
[[ HELLO == hello ]] && echo nocase
case ABC in abc) echo case-nocase;; esac
