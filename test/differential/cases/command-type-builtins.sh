# type / command / builtin for builtins, keywords, functions, aliases.
#### type-t-kinds
f() { :; }
type -t echo if f cd
type -t nosuch
echo $?
#### command-v
f() { :; }
command -v echo
command -v f
command -v if
command -v nosuch
echo $?
#### type-builtin-and-keyword
type echo
type if
type '[['
#### type-function-prints-body
f() { echo hi; }
type f
#### command-and-builtin-bypass-function
echo() { builtin echo "wrapped: $*"; }
echo a
command echo b
builtin echo c
#### builtin-nonexistent
exec 2>&1
builtin nosuch
echo $?
#### more-builtins-are-builtins
type -t : . source '[' test true false printf read
#### keywords
type -t while for '{' '!' time case '[[' function
#### command-V
f() { :; }
command -V f
command -V cd
#### alias-type-needs-expand-aliases
alias ll='ls -A'
type -t ll || echo "not an alias yet $?"
shopt -s expand_aliases
type ll
command -v ll
#### command-runs-builtin-when-function-shadows
cd() { echo shadowed; }
mkdir sub
command cd sub
echo "${PWD##*/}"
#### type-multiple-with-missing
type -t true nosuch_x false
echo $?
#### enable-n-disables-builtin
enable -n echo
type -t echo
enable echo
type -t echo
#### hash-empty-in-fresh-shell
hash 2>&1
echo $?
