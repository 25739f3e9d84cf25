import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../kernel/shell/parser.ts';
import { printCommand } from '../../kernel/shell/print.ts';
import { hasBash52, runBash } from './util.ts';

/** printCommand of the first command (a function definition), or the syntax error. */
function ours(src: string): string {
  try {
    return printCommand(parse(src, { extglob: () => true }).items[0].command);
  } catch (e) {
    return 'ERR ' + (e as Error).message;
  }
}

function bash(src: string): string {
  const r = runBash(['-O', 'extglob', '-c', src + '\ndeclare -f f']);
  if (r.status !== 0) return 'ERR ' + (/line \d+: (.*)/.exec(r.stderr)?.[1] ?? r.stderr);
  return r.stdout.replace(/\n$/, '');
}

test('declare -f layout (recorded from bash 5.2)', () => {
  assert.equal(ours('f() { echo hi; }'), 'f () \n{ \n    echo hi\n}');
  assert.equal(ours('f() ( echo hi )'), 'f () \n{ \n    ( echo hi )\n}');
  assert.equal(ours('function if { :; }'), 'function if () \n{ \n    :\n}');
  assert.equal(ours('f() { if a; then b; elif c; then d; fi; a |& b; c & }'),
    'f () \n{ \n    if a; then\n        b;\n    else\n        if c; then\n            d;\n        fi;\n    fi;\n    a 2>&1 | b;\n    c &\n}');
  assert.equal(ours('f() { cat <<EOF\nhi $x\nEOF\ncat <<-\'E\' | wc\n\tbody\n\tE\necho done; }'),
    "f () \n{ \n    cat <<EOF\nhi $x\nEOF\n\n    cat <<-'E' |\nbody\nE\n  wc\n    echo done\n}");
  assert.equal(ours('f() { echo >&2 <&3 3>&- <&- 5>&6- <>z; } 2>/dev/null'),
    'f () \n{ \n    echo 1>&2 0<&3 3>&- 0>&- 5>&6- 0<> z\n} 2> /dev/null');
  assert.equal(ours('f() { for x; do :; done; for ((;;)) { :; }; [[ x ]]; }'),
    'f () \n{ \n    for x in "$@";\n    do\n        :;\n    done;\n    for ((1; 1; 1))\n    do\n        :;\n    done;\n    [[ -n x ]]\n}');
  assert.equal(ours("f() { x=$( (a) ); y=$(\n a\n b; c\n); echo $'a\\nb' $\"c\"; }"),
    "f () \n{ \n    x=$( ( a ));\n    y=$(a\nb; c);\n    echo 'a\nb' \"c\"\n}");
});

const DEFS: string[] = [
  "f() { echo hi; }",
  "f() { echo $(ls   -l;pwd) $((1+  2)) $'a\\nb' $\"x\"; }",
  "f() ( echo hi )",
  "f() { echo >&file; echo 2>&1 >x <y 3<>z >|w &>q &>>r <<<\"s\" {fd}>&- <&-; }",
  "f() { if a; then b; elif c; then d; else e; fi; a |& b; a & b; c & }",
  "f() { x=$(\n echo a\n echo b; echo c\n); for x; do :; done; for ((i=0;i<3;i++)); do :; done; for ((;;)) { :; }; }",
  "f() { cat <<EOF\nhi $x\nEOF\ncat <<-'E' | wc\n\tbody\n\tE\necho done; }",
  "f() { [[ x ]]; [[ ! a == b && ( -f x || c =~ ^(a|b)$ ) ]]; ((x++)); (( y = 1 )); }",
  "f() { case $x in a|b) echo;; (c) ;& *) x;;& esac; function g { :; }; h() ( : ) ; }",
  "f() { for (( i = 0 ; i < 3 ; i++ )); do :; done; x=$( (echo a) ); y=<(echo  b) ; echo <>z; }",
  "f() { echo \"a\\$b \\\\x \\\"q\\\" $ \\\\\"; echo ${x:-\"a b\"} \"${y#'a'}\" ${#a[@]} ${!a[@]} ${!p*} ${a[i+1]:1:2} ${x/a/b} ${x//a} ${x^^} ${x@Q}; }",
  "f() { a=( 1   2 [k]=v \"x  y\" ); declare -A m=([a]=1 [b]=2); local x=1 y; echo >&2 <&3 3>&- 4<&- 5>&6- <<<  $x; cat < <(echo a) >(cat) $( (a) ); echo $( \n# c\n echo x # y\n); }",
  "f() { case x in esac; time a | b; ! c; if a; b; then c; fi; while a; do b; done; until x; do y; done; { a; b; } > f; ( c; d ) 2>&1; select x in a b; do :; done; a & }",
  "f() { { a; b; }; x; } 2>/dev/null",
  "f() { h() { :; }; }",
  "f() { while read -r line; do echo \"$line\"; done < file; cat <<A <<B >out\na\nA\nb\nB\n}",
  "f() { a && b || c; ! a && b; time -p sleep 1; x=1 y=2 cmd arg; >out; }",
  "f() { cat <<EOF && echo ok\nbody\nEOF\necho next; }",
  "f() { echo ${x:-~/a} ${x#~} \"${x:-$(echo \"a b\")}\" ${x: -1} ${x:(-2):1}; }",
  "f() { if [[ -n $1 ]]; then\n    echo yes\n  fi\n  for i in \"$@\"; do\n    case $i in\n      -*) echo opt ;;\n      *) echo arg ;;\n    esac\n  done\n}",
  "f() { local -a arr=(1 2 3); export X=1 Y; readonly Z=3; declare -i n=5; typeset -x T; }",
  "f() { echo `echo \\`echo hi\\``; echo \"`date`\"; }",
  "f() { x=$(case $y in a) echo a;; (b|c) echo \"$(echo \")\")\";; esac); echo $((1 + (2*3))) $( (echo a) ) ; }",
  "f() { x=$(cat <<EOF\nin comsub $y\nEOF\n); echo \"$x\"; }",
  "f() { cat <(sort a) >(tee b) | diff - <(x); }",
  "f() { shopt -s extglob; }",
  "f() { [[ $x == @(a|b)* ]] && [[ $y != !(c) ]] || [[ $z =~ ^[0-9]+(\\.[0-9]+)?$ ]]; }",
  "f() { case $1 in @(a|b)) echo ab;; +([0-9])) echo num;; esac; }",
  "f() { echo {a,b}{c,d} a{1..3} '{x}' ; echo ~ ~root ~/x a~ \"~\"; }",
  "f() { local IFS=: ; read -ra parts <<< \"$PATH\"; printf '%s\\n' \"${parts[@]}\"; }",
  "f() { exec 3>&1 4>&2 {fd}<file; exec {fd}>&-; echo >&3; }",
  "f() { trap 'echo bye' EXIT; set -euo pipefail; : \"${1:?usage: f arg}\"; }",
  "f() { while IFS= read -r -d '' file; do rm -- \"$file\"; done < <(find . -print0); }",
  "f() { if ! command -v git >/dev/null 2>&1; then echo \"no git\" >&2; return 1; fi; }",
  "f() { for f in *.txt; do [ -e \"$f\" ] || continue; mv \"$f\" \"${f%.txt}.md\"; done; }",
  "f() { (( $# > 0 )) || { echo none; return; }; echo \"$@\"; }",
  "f() { a=1; a+=2; b[0]=x; b+=(y z); c=( [0]=a [5]=b ); unset 'b[0]'; }",
  "f() { echo $(( x << 2 )) $(( a ? b : c )) $((16#ff)); let x++ y=2; }",
  "f() { cat <<'EOF'\n$not expanded `here`\nEOF\ncat <<\"EOF\"\nalso \"quoted\"\nEOF\ncat <<\\EOF\nesc\nEOF\n}",
  "f() { echo \"$(echo \"nested $(echo \"deep\")\")\" \"${a:-${b:-c}}\" \"${x/#foo/bar}\" \"${x/%foo/bar}\"; }",
  "f() { echo a\\ b 'c'\"d\"e $'\\t' \"$@\" \"$*\" $# $? $$ $! $- $0 $_ ${#} ${@} ${*:2} \"${@:1:2}\"; }",
  "f() { select opt in a \"b c\"; do break; done; }",
  "f() { until [[ -f done ]]; do sleep 1; done & wait $!; }",
  "f() { { echo a; echo b; } | sort | uniq -c; ! { false; }; }",
  "f() { function inner { echo in; }; inner; }",
  "f() { echo one \\\n  two \\\n  three; }",
  "f() { x=${1:-default} y=${2:+alt} z=${3:=assign} w=${4:?err}; }",
  "f() { echo ${x,,} ${x~} ${x~~} ${x^[ab]} ${!x} ${!x@} ${x@U} ${a[@]:1} ${#a[1]} ${a[-1]}; }",
  "f() { case \"$1\" in\n    start|begin)\n        echo start\n        ;;\n    stop)\n        ;;\n    *)\n        echo \"unknown: $1\" >&2\n        exit 1\nesac\n}",
  "f() { echo a; # comment\n  echo b # another\n}",
  "f() { x=`echo a \\$b \\\\ c`; }",
  "f() { echo \"a`echo b`c\" \"x\\`y\"; }",
  "f() { echo a#b #c\necho { } if then fi ! [[ ]] time in done; echo}; { echo; }; }",
  "f() { echo a | ! cat; }",
  "f() { ! time cat; time ! cat; }",
  "f() { x=1 y=2; z[1]=a; z[i+1]+=b; echo x=~/a y:~; }",
  "f() { echo $'it\\'s' $'a\\x41\\101\\u00e9' $'\\cA'; }",
  "f() { cat <<< $'x\\ny'; cat 0<<EOF 3<<-X\na\nEOF\n\tb\n\tX\n}",
  "f() { [[ $a < $b || $a > $c || -z \"$d\" || $e -nt $f || ! -v g ]]; }",
  "f() { for i in 1 2\ndo\n  echo $i\ndone\n}",
  "f() { if a\nthen\n  b\nelif c\nthen\n  d\nfi\n}",
  "f() { echo \"$(( 1 + $(echo 2) ))\" $(( a[1] + b[$i] )); }",
  "f() { local x; x=$(printf '%s\\n' a b | sort -r | head -1); echo \"${x}\"; }",
  "f() { echo ${x:+\"$x\"} ${x-} ${x=} ${x?} ${x:?\"msg here\"}; }",
  "f() { test -n \"$1\" && shift || return 1; [ \"$#\" -eq 0 ] || echo more; }",
  "f() { echo \"a\nb\" 'c\nd'; }",
  "f() { eval \"echo \\$$1\"; }",
  "f() { echo \"${arr[@]}\" \"${arr[*]}\" \"${#arr[@]}\" \"${arr[@]:1:2}\" \"${!arr[*]}\"; }",
  "f() { printf -v out '%s' x; declare -n ref=out; echo \"$ref\"; }",
  "f() { exec >> log 2>&1; }",
  "f() { cmd1 &\ncmd2 &\nwait; }",
  "f() { a; b & c; d & }",
  "f() { a && b & }",
  "f() { (a; b) & (c) }",
  "f() { echo ${x:-}} ${x/\\//_} ${x//[\\/]/} ${x#\"$y\"} ${x:-$'a'} ${x:-'}'} \"${x:-'}'}\" \"${x:-\"}\"}\"; }",
  "f() { echo \"${x:-a b}\" ${x:-a b} ${x:-`echo }`} ${x:-$(echo })} \"${x/\"a b\"/c d}\"; }",
  "f() { echo ${a[${i}]} ${a[\"k k\"]} ${a[$((1+1))]} ${#a[${i}]} \"${a[@]/#/-}\" ${x:1-1:2} ${x:a?1:2}; }",
  "f() { echo $ \"$\" $5 $55 ${55} $@x $*y $#z $?a $-b $$c $!d $0e $_f; }",
  "f() { echo \\$x \\\\ \\\" \\' \"\\a\\b\\$\\`\\\"\\\\\" '\\n'; }",
  "f() { echo ${!a*} ${!a@} ${!a[@]} ${!a[*]} ${!a} ${!a[1]} ${!a:-x} ${!#} ${!1}; }",
  "f() { echo ${x@Q} ${x@E} ${x@P} ${x@A} ${x@K} ${x@a} ${x@u} ${x@L} ${x@k}; }",
  "f() { echo ${#x} ${#@} ${#*} ${##} ${#?} ${#-} ${#1} ${#10}; }",
  "f() { echo $((x)) $(( (x+1) * 2 )) $((x=1, y=2)) $(( \"1\" + 2 )) \"$((a<b?a:b))\"; }",
  "f() { echo ${x#\\#} ${x%\\%} ${x/\\}/a} ${x:-\\}} \"${x:-\\}}\" \"${x:-\\\"}\"; }",
  "f() { x=$(case $y in a) echo a;; esac) $((echo a); (echo b)) $[1+2]; }",
  "f() { x=$( a;\n  b\n  c & d\n); y=`echo \\\\\n  a`; }"
];

test('printCommand matches `declare -f` of the installed bash for many functions', { skip: !hasBash52 && 'needs /usr/bin/bash 5.2' }, () => {
  for (const d of DEFS) assert.equal(ours(d), bash(d), d);
});
