# $(( )) arithmetic.
#### division-truncates-toward-zero
echo $(( 7/2 )) $(( -7/2 )) $(( 7/-2 )) $(( -7/-2 ))
#### negative-modulo
echo $(( -7 % 3 )) $(( 7 % -3 )) $(( -7 % -3 ))
#### overflow-wraps
echo $(( 9223372036854775807 + 1 ))
echo $(( 2**63 )) $(( 2**64 ))
echo $(( -9223372036854775807 - 2 ))
#### min-int-division
echo $(( -9223372036854775808 / -1 )) $(( -9223372036854775808 % -1 ))
#### bases
echo $(( 0x1F )) $(( 0X1f )) $(( 010 )) $(( 2#1011 )) $(( 36#z )) $(( 16#ff )) $(( 64#_ )) $(( 64#@ ))
#### invalid-octal
( echo $(( 08 )) ) 2>&1
echo "s=$?"
#### exponent-and-precedence
echo $(( 2**3**2 )) $(( -2**2 )) $(( 1+2*3 )) $(( (1+2)*3 )) $(( 10-4-3 ))
#### comparison-and-logic
echo $(( 3>2 )) $(( 3<2 )) $(( 1&&0 )) $(( 0||5 )) $(( !0 )) $(( !7 )) $(( ~0 )) $(( 5==5 )) $(( 5!=5 ))
#### ternary-and-comma
x=5
echo $(( x>3 ? 10 : 20 )) $(( y=2, y*3 )) $y
#### bitwise-and-shifts
echo $(( 1<<10 )) $(( -16>>2 )) $(( 6&3 )) $(( 6|3 )) $(( 6^3 )) $(( ~5 ))
#### increment-decrement
i=5
echo $(( i++ )) $i $(( ++i )) $(( i-- )) $(( --i ))
#### compound-assignment-ops
x=10
(( x+=5, x*=2, x-=3, x/=3, x%=4, x<<=2, x|=1 ))
echo $x
#### variables-evaluated-recursively
a=b
b=c
c=7
echo $(( a + 1 ))
x='1+2'
echo $(( x*3 )) $(( $x*3 ))
#### unset-and-empty-are-zero
unset u
e=
echo $(( u + 1 )) $(( e + 2 )) $((u))
#### division-by-zero
( echo $(( 1/0 )) ) 2>&1
echo "s=$?"
( echo $(( 5%0 )) ) 2>&1
echo "s=$?"
#### legacy-dollar-brackets
echo $[ 2 + 3 ] $[7%4]
#### dollar-inside-arith
n=4
echo $(( $n * n )) $(( n ** 2 )) $(( ${n}0 / 8 ))
#### negative-exponent-error
( echo $(( 2 ** -1 )) ) 2>&1
echo "s=$?"
#### whitespace-and-newlines
echo $((
  1 +
  2 ))
#### assignment-in-expansion-persists
echo $(( z = 4 * 4 )) $z
echo $(( z += 1 )) $z
#### leading-zero-in-variable-is-octal
v=010
echo $(( v + 0 )) $(( 10#$v + 0 ))
#### unary-plus-minus-chains
echo $(( - -3 )) $(( +-3 )) $(( !!5 )) $(( -(-3) ))
#### large-literals
echo $(( 0xFFFFFFFFFFFFFFFF )) $(( 9223372036854775808 ))
#### string-value-error
( x=abc; y='1 2'; echo $(( y )) ) 2>&1
echo "s=$?"
