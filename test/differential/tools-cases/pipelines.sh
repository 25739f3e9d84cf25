# Pipelines that mix shell builtins and the tools, as an agent writes them.
# Run by tools-pipelines.test.ts (format: tools-harness.ts).

#### builtin-loop-into-sort
# tools: sort tail
for i in 3 10 1 7; do echo "$i"; done | sort -n | tail -1
#### read-loop-over-tool-output
# tools: cut sort
# files: people.csv
cut -d, -f2 people.csv | sort -u | while read -r d; do printf '[%s]\n' "$d"; done
#### grep-count-into-arithmetic
# tools: grep
# files: access.log
n=$(grep -c ' 404 ' access.log); echo $((n * 10))
#### mapfile-from-process-substitution
# tools: cut
# files: people.csv
mapfile -t names < <(cut -d, -f1 people.csv); echo "${#names[@]} ${names[1]} ${names[-1]}"
#### diff-of-process-substitutions
# tools: diff sort uniq
# files: words
diff <(sort -u words) <(sort words | uniq); echo "status $?"
#### here-string-and-heredoc-into-tools
# tools: tr sort
tr a-z A-Z <<< 'hello there'; sort <<EOF2
pear
apple
EOF2
#### and-or-on-grep-status
# tools: grep
# files: words
grep -q kiwi words && echo found || echo missing; if grep -qx date words; then echo has-date; fi
#### pipefail-and-pipestatus
# tools: grep wc
# files: words
grep kiwi words | wc -l; echo "${PIPESTATUS[@]}"; set -o pipefail; grep kiwi words | wc -l; echo "status $?"
#### brace-group-into-tool
# tools: sort uniq
{ echo b; echo a; printf 'b\n'; } | sort | uniq -c
#### subshell-cd-and-tool
# tools: ls mkdir touch
mkdir -p d; touch d/x d/y; (cd d && ls); ls
#### tool-output-into-array-and-loop
# tools: seq
for n in $(seq 1 3); do printf '%s-' "$n"; done; echo
#### tool-in-conditional-loop
# tools: head tail
# files: lines100
i=1; while [ "$i" -le 3 ]; do head -n "$i" lines100 | tail -1; i=$((i + 1)); done
#### xtrace-free-redirections
# tools: sort cat head
# files: words
sort words > out 2> err; cat out | head -n 2; [ -s err ] || echo no-errors
#### stderr-through-pipe
# tools: ls cat
ls nosuch 2>&1 | cat; echo "${PIPESTATUS[@]}"
#### exec-redirect-and-tools
# tools: wc cat
exec 3> log; echo one >&3; echo two >&3; exec 3>&-; wc -l < log; cat log
#### command-substitution-strips-newlines
# tools: printf
x=$(/usr/bin/printf 'a\n\n\n'); echo "[$x]"
#### tool-exit-statuses
# tools: grep ls false
grep -q x /dev/null; echo $?; ls nosuch 2>/dev/null; echo $?; false; echo $?; /bin/false; echo $?
#### env-vars-reach-tools
# tools: awk printenv
FOO=bar printenv FOO; export BAZ=qux; awk 'BEGIN {print ENVIRON["BAZ"]}'
#### agent-edit-workflow
# tools: grep sed cat
# files: proj
f=proj/src/util.ts; grep -n 'a - b' "$f"; sed -i 's/return a - b; \/\/ todo: overflow?/return a - b;/' "$f"; grep -c todo "$f"; cat "$f"
#### agent-count-lines-per-file
# tools: wc sort
# files: proj
wc -l proj/src/*.ts proj/src/lib/*.ts | sort -n
#### agent-search-and-replace-many
# tools: grep sed cat sort
# files: proj
for f in $(grep -rl 'TODO' proj | sort); do sed -i 's/TODO/FIXME/g' "$f"; done; grep -rc FIXME proj | sort
#### awk-reading-a-pipe-is-quiet
# tools: awk
printf 'a\nb\n' | awk '{print NR, $0}'
