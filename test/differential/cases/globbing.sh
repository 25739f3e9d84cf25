# Pathname expansion (always in a directory the case creates; results are sorted by bash).
#### star-sorted
mkdir g; cd g; touch b.txt a.txt c.log B.txt
echo *
echo *.txt
#### question-and-brackets
mkdir g; cd g; touch a1 a2 ab a10
echo a?
echo a[0-9]
echo a[!0-9]
echo a[^1]
echo a??
#### no-match-stays-literal
mkdir g; cd g
echo *.none
echo "status $?"
#### nullglob
mkdir g; cd g
shopt -s nullglob
x=(*.none)
echo ${#x[@]}
echo start *.none end
#### failglob
exec 2>&1
mkdir g; cd g
shopt -s failglob
echo *.none
echo "status=$?"
#### dotglob
mkdir g; cd g; touch .hidden visible
echo *
shopt -s dotglob
echo *
#### explicit-dot-patterns
mkdir g; cd g; touch .a .b c
echo .*
echo .[!.]*
#### extglob-operators
mkdir g; cd g; touch a.c b.h c.o d.c abc
shopt -s extglob
echo !(*.c)
echo @(a|b).*
echo *.+(c|h)
echo ?(a)bc
echo *(x)a.c
#### globstar
mkdir -p g/x/y; cd g; touch top.sh x/mid.sh x/y/deep.sh x/y/other.txt
shopt -s globstar
echo **/*.sh
echo **
echo x/**/
#### globstar-off-is-star
mkdir -p g/x/y; cd g; touch top.sh x/mid.sh x/y/deep.sh
echo **/*.sh
#### pattern-in-variable
mkdir g; cd g; touch f1 f2
p='f*'
echo $p
echo "$p"
#### nocaseglob
mkdir g; cd g; touch ABC abd Xyz
shopt -s nocaseglob
echo a*
#### posix-character-classes
mkdir g; cd g; touch a 1 _ B
echo [[:digit:]]
echo [[:upper:]]
echo [[:alpha:]]
echo [[:alnum:]_]
#### directories-only-with-slash
mkdir -p g/d1 g/d2; touch g/f; cd g
echo */
echo d*/
#### ls-listing-is-sorted
mkdir g; cd g; touch b a .h C
ls
ls -A
ls -a
ls -1
#### multi-level-pattern
mkdir -p g/s g/t; touch g/s/x g/s/y g/t/x; cd g
echo */x
echo s/*
#### globignore
mkdir g; cd g; touch a.txt b.bak c.txt .dot
GLOBIGNORE='*.bak'
echo *
#### quoted-part-of-pattern
mkdir g; cd g; touch 'a b1' 'a b2' 'a c'
echo "a b"*
for f in "a b"*; do echo "<$f>"; done
#### glob-results-not-resplit
mkdir g; cd g; touch 'x y' z
n=0
for f in *; do n=$((n+1)); done
echo $n
#### set-noglob
mkdir g; cd g; touch a b
set -f
echo *
set +f
echo *
#### bracket-with-special-chars
mkdir g; cd g; touch a- a] 'a!' ab
echo a[]]
echo a[-x]
echo a[!b]
#### hidden-in-subdir-and-star-slash
mkdir -p g/d; touch g/d/.h g/d/v; cd g
echo d/*
echo d/.*
#### glob-in-assignment-not-expanded
mkdir g; cd g; touch q1 q2
x=q*
echo "$x"
arr=(q*)
echo ${#arr[@]}
#### slash-in-brackets-never-matches
mkdir -p g/a; touch g/a/b; cd g
echo a[/]b
echo a/b
#### extglob-negation-skips-dotfiles
mkdir g; cd g; touch .x y z.log
shopt -s extglob
echo !(*.log)
