# declare / typeset and declare -p output.
#### scalar
x=hello
declare -p x
y='with "quotes" and $ and \ back'
declare -p y
#### integer-attribute
declare -i n=5+5
echo $n
n+=1
echo $n
n="2*3"
echo $n
declare -p n
#### readonly-variable
readonly r=1
declare -p r
( r=2 ) 2>&1
echo $?
#### exported
export e=1
declare -p e
declare -x f=2
declare -p f
#### indexed-array
a=(one "two words" '')
declare -p a
#### sparse-array
a=([3]=x [7]=y)
declare -p a
#### case-attributes
declare -l lo=HeLLo
declare -u up=world
echo $lo $up
declare -p lo up
#### declared-without-value
declare x
declare -p x
declare -a arr
declare -p arr
declare -A asc
declare -p asc
#### missing-variable
declare -p nosuch 2>&1
echo $?
#### function-body-listing
f() { echo hi; }
declare -f f
#### function-names
f() { :; }
g() { :; }
declare -F
declare -F f
#### value-with-control-chars
x=$'tab\there'
declare -p x
y=$'new\nline'
declare -p y
#### remove-attribute
declare -i n=1
declare +i n
n=1+1
echo $n
#### nameref-listing
x=1
declare -n r=x
declare -p r
#### combined-attributes
declare -rx RX=v
declare -p RX
declare -ai nums=(1+1 2*2)
declare -p nums
#### typeset-is-declare
typeset -i t=3*3
declare -p t
#### function-with-compound-body
f() {
  local x=1
  if [ "$x" = 1 ]; then
    echo yes
  fi
  for i in a b; do echo "$i"; done
}
declare -f f
#### declare-p-multiple-mixed
a=1
b=(2)
declare -p a b
#### declare-g-inside-function
f() { declare -g G=global; local L=local; declare -p L; }
f
declare -p G
