# case statement.
#### basic-patterns
for w in apple Banana 42 ""; do
  case $w in
    a*) echo "a: $w";;
    [A-Z]*) echo "upper: $w";;
    [0-9]*) echo num;;
    "") echo empty;;
  esac
done
#### alternatives-and-default
for x in a b z; do case $x in a|b) echo "ab:$x";; *) echo "default:$x";; esac; done
#### fallthrough-semicolon-ampersand
case a in a) echo one ;& b) echo two ;; c) echo three;; esac
#### continue-matching-double-semicolon-ampersand
case abc in a*) echo A ;;& *b*) echo B ;;& x*) echo X ;; *c) echo C ;; esac
#### quoted-pattern-is-literal
x='*'
case hello in "$x") echo literal;; $x) echo glob;; esac
case '*' in "$x") echo literal-star;; esac
#### no-match-status-zero
false
case z in a) echo a;; esac
echo $?
#### paren-prefixed-patterns
case b in (a) echo a;; (b) echo b;; esac
#### character-classes
for c in a 5 ' ' '?'; do
  case $c in
    [[:alpha:]]) echo alpha;;
    [[:digit:]]) echo digit;;
    [[:space:]]) echo space;;
    \?) echo qmark;;
  esac
done
#### status-of-last-command-in-branch
case a in a) false;; esac
echo $?
case a in a) (exit 4);; esac
echo $?
#### extglob-patterns
shopt -s extglob
case foo.tar.gz in *.@(tar.gz|tgz)) echo tarball;; esac
case abc in !(x*)) echo not-x;; esac
#### word-is-expanded
v=hello
case $v$v in hellohello) echo doubled;; esac
case "$(echo 'a b')" in "a b") echo cmdsub;; esac
#### pattern-from-variable-with-alternatives
p='a*'
case abc in $p) echo var-glob;; esac
#### empty-branch-and-last-without-semicolons
case x in x) ;; esac
echo $?
case y in y) echo last
esac
#### case-in-function-return
kind() { case $1 in *.sh) return 1;; *.txt) return 2;; esac; return 0; }
kind a.sh; echo $?
kind b.txt; echo $?
kind c; echo $?
#### newline-and-keyword-words
case in in in) echo in-word;; esac
case esac in (esac) echo esac-word;; esac
#### bracket-negation-and-ranges
for c in b x 7; do case $c in [!a-m]) echo "$c out";; *) echo "$c in";; esac; done
