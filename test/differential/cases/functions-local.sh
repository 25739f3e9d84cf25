# Functions, local, return, dynamic scoping.
#### local-shadowing
x=global
f() { local x=inner; echo $x; g; }
g() { echo "g sees $x"; }
f
echo $x
#### dynamic-scope-assignment
x=1
f() { x=2; }
f; echo $x
h() { local x=3; f; echo "h:$x"; }
h; echo $x
#### return-status
f() { return 3; }
f; echo $?
g() { false; }
g; echo $?
h() { false; return; }
h; echo $?
#### args-and-count
f() { echo $# "$1" "${2:-none}"; }
f
f a
f "a b" c
#### definition-syntaxes
function a { echo a; }
function b() { echo b; }
c() ( echo c-subshell )
d() [[ 1 -eq 1 ]]
a; b; c; d && echo d-ok
#### recursion
fact() { if (( $1 <= 1 )); then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }
fact 10
#### unset-local-in-same-scope
x=g
f() { local x=l; unset x; echo "[${x-unset}]"; }
f
echo $x
#### local-without-value
x=g
f() { local x; echo "[${x-unset}]"; x=set; }
f
echo $x
#### positionals-restored-after-call
set -- outer
f() { set -- inner; echo $1; }
f
echo $1
#### funcname-stack
f() { echo "${FUNCNAME[@]}"; }
g() { f; }
g
#### unset-function
f() { echo f; }
unset -f f
f 2>/dev/null
echo $?
#### subshell-body-isolated
f() ( x=changed )
x=orig
f
echo $x
#### declare-is-local-unless-g
f() { declare y=1; declare -g z=2; }
f
echo "[${y-unset}] [$z]"
#### redirection-on-definition
f() { echo in-f; } > out
f
cat out
#### local-array
f() { local -a a=(1 2 3); echo ${#a[@]}; }
a=(x)
f
echo "${#a[@]}"
#### name-with-dash
my-func() { echo dash ok; }
my-func
#### local-visible-to-callee-and-modifiable
f() { local v=1; g; echo "f:$v"; }
g() { v=2; }
f
echo "[${v-unset}]"
#### return-value-truncated
f() { return 257; }
f; echo $?
#### function-overrides-builtin
cd() { echo "fake cd $1"; }
cd /somewhere
unset -f cd
#### nested-function-definition
outer() { inner() { echo inner-defined; }; }
inner 2>/dev/null || echo not-yet
outer
inner
#### local-dash-restores-options
f() { local -; set -f; echo *; }
mkdir d; cd d; touch z
f
echo *
#### exit-inside-function-exits-shell
f() { exit 3; }
f
echo not-reached
