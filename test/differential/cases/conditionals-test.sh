# test / [ builtin.
#### string-tests
test -z "" && echo z
test -n "x" && echo n
[ "a" = "a" ] && echo eq
[ "a" == "a" ] && echo eqeq
[ "a" != "b" ] && echo ne
#### numeric-tests
[ 10 -gt 9 ] && echo gt
[ 010 -eq 10 ] && echo decimal
[ -5 -lt 3 ] && echo lt
[ 3 -ge 3 ] && echo ge
[ " 7 " -eq 7 ] && echo spaces-ok
#### file-tests
mkdir d
touch d/f
ln -s f d/l
echo data > d/s
[ -d d ] && echo dir
[ -f d/f ] && echo file
[ -e d/none ] || echo none
[ -L d/l ] && echo link
[ -h d/l ] && echo h
[ -s d/f ] || echo f-empty
[ -s d/s ] && echo s-nonempty
[ -f d/l ] && echo link-to-file
#### and-or-not-operators
[ 1 -eq 1 -a 2 -eq 3 ]; echo $?
[ 1 -eq 1 -o 2 -eq 3 ]; echo $?
[ ! -z x ]; echo $?
#### missing-close-bracket
[ 1 = 1 2>&1
echo $?
#### integer-expected
[ abc -eq 1 ] 2>&1
echo $?
#### argument-count-rules
[ "" ]; echo $?
[ x ]; echo $?
[ -n ]; echo $?
[ -z ]; echo $?
[ ]; echo $?
test; echo $?
#### operators-as-strings
[ "-f" ]; echo $?
[ = ]; echo $?
[ ! ]; echo $?
[ "!" = "!" ]; echo $?
#### string-less-greater
[ a \< b ] && echo lt
[ b \> a ] && echo gt
[ B \< a ] && echo upper-first
#### parenthesized
[ \( 1 -eq 1 \) -a \( x = y \) ]; echo $?
[ \( 1 -eq 1 \) -o \( x = y \) ]; echo $?
#### var-set-test
x=
[ -v x ] && echo set
unset x
[ -v x ] || echo unset
#### unquoted-empty-var-pitfall
e=
[ -n $e ]; echo $?
[ -n "$e" ]; echo $?
#### too-many-arguments
x="a b"
[ $x = "a b" ] 2>&1
echo $?
#### test-exit-status-two-on-error
test 1 -eq 2>/dev/null
echo $?
[ 1 -lt 2 -gt 0 ] 2>/dev/null
echo $?
#### file-compare-same
touch a
ln a b
[ a -ef b ] && echo same-file
[ a -ef a ] && echo self
