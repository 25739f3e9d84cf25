# let and (( )).
#### let-basic
let x=5+3 y=x*2
echo $x $y
#### let-status
let 0; echo $?
let 1; echo $?
let x=0; echo $?
let x=0 y=1; echo $?
#### double-paren-status
(( 0 )); echo $?
(( 5 )); echo $?
(( x = 0 )); echo $?
(( -1 )); echo $?
#### let-quoted-expression
let "z = 2 * 3"
echo $z
#### arith-in-if
n=5
if (( n > 3 && n < 10 )); then echo in-range; fi
#### let-increment
i=0
let i++
let ++i
let 'i += 3'
echo $i
#### multiple-assignments-in-one-command
((x = 10, y = x / 3))
echo $x $y
#### let-syntax-error
exec 2>&1
let "1 +"
echo $?
#### double-paren-no-word-splitting-needed
a="1 + 2"
(( r = a * 2 ))
echo $r
#### arith-command-with-arrays
a=(1 2 3)
(( a[1] += 10 ))
echo "${a[@]}"
#### arith-command-in-while
i=3
while (( i-- )); do echo "i=$i"; done
echo "end $i"
#### arith-command-with-glob-chars-not-expanded
mkdir d; cd d; touch 2 3
(( x = 2 * 3 ))
echo $x
