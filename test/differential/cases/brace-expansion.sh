# Brace expansion.
#### comma-list
echo a{b,c,d}e
#### sequences
echo {1..5} {a..e} {5..1} {e..a}
#### sequence-with-step
echo {0..10..3} {10..0..5} {a..k..2} {1..10..-3}
#### zero-padding
echo {01..10}
echo {001..3} {1..010..4}
echo {-05..5..5}
#### nested
echo {a,b{1,2},c}x
#### cartesian-product
echo {a,b}{1,2}{x,y}
#### not-expanded-forms
echo {a} {} a{b}c {1..a} {a..1}
#### empty-alternatives
printf '<%s>' {a,} x{,}y {,}
echo
#### quoted-or-escaped-braces
echo "{a,b}" '{1..3}' \{a,b\} {a\,b}
#### expanded-before-parameters
x=1; y=3
echo {$x..$y}
a=b
echo {$a,c}
#### prefix-and-suffix
echo file{1..3}.txt
#### mkdir-tree
mkdir -p p/{x,y}/{1,2}
ls p p/x
#### negative-ranges
echo {-2..2} {3..-1}
#### space-prevents-expansion
echo {a, b}
echo {a,b }
#### brace-in-assignment-not-expanded
x={a,b}
echo "$x"
arr=({a,b}{1,2})
echo "${arr[@]}"
#### descending-letter-ranges
echo {Z..X} {z..x} {c..a..2}
#### dollar-brace-is-not-brace-expansion
x=v
echo ${x}{1,2}
#### brace-then-glob
mkdir g; cd g; touch a1 b2
echo {a,b}*
#### sequence-with-leading-plus
echo {+1..3}
#### many-elements-count
set -- {1..100}
echo $# ${100}
