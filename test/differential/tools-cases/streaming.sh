# Streaming: a pipeline must end when its consumer is done, without the producer finishing or the
# pipe holding everything. ${PIPESTATUS[@]} shows the producer was stopped early (141 = SIGPIPE):
# with inputs far larger than a pipe (64 KiB) that is deterministic on Linux.
# `vm-limits` caps the VM's WASM memory so that a tool or pipe that held the whole stream would fail.
# Run by tools-streaming.test.ts (format: tools-harness.ts).

#### yes-head
# tools: yes head
yes | head -1; echo "${PIPESTATUS[@]}"
#### yes-head-lines
# tools: yes head
yes 'a longer line of text' | head -n 3; echo "${PIPESTATUS[@]}"
#### cat-big-head
# tools: cat head
# files: big
cat big | head -1; echo "${PIPESTATUS[@]}"
#### cat-big-head-c
# tools: cat head wc
# files: big
cat big | head -c 100000 | wc -c; echo "${PIPESTATUS[@]}"
#### seq-million-tail
# tools: seq tail
# vm-limits: wasmMemoryBytes=16777216
seq 1 1000000 | tail -1; echo "${PIPESTATUS[@]}"
#### seq-ten-million-head
# tools: seq head
seq 1 10000000 | head -2; echo "${PIPESTATUS[@]}"
#### seq-infinite-head
# tools: seq head
seq inf | head -3; echo "${PIPESTATUS[@]}"
#### seq-million-wc
# tools: seq wc
# vm-limits: wasmMemoryBytes=16777216
seq 1 1000000 | wc -l
#### seq-sort-rn-head
# tools: seq sort head
seq 1 100000 | sort -rn | head -1; echo "${PIPESTATUS[@]}"
#### yes-grep-m1
# tools: yes grep
yes | grep -m1 y; echo "${PIPESTATUS[@]}"
#### yes-sed-quit
# tools: yes sed
yes abc | sed -n '3{=;p;q}'; echo "${PIPESTATUS[@]}"
#### yes-awk-exit
# tools: yes awk
yes | awk 'NR == 5 {print NR; exit}'; echo "${PIPESTATUS[@]}"
#### yes-tr-head
# tools: yes tr head
yes | tr y n | head -2; echo "${PIPESTATUS[@]}"
#### zero-head-c-od
# tools: head od tail cat
head -c 1000000 /dev/zero | od -An -c | tail -2; cat /dev/zero | head -c 3 | od -An -tx1; echo "${PIPESTATUS[@]}"
#### big-through-filters
# tools: cat grep sed wc
# files: big
# vm-limits: wasmMemoryBytes=33554432
cat big | grep -v 7 | sed 's/big/small/' | wc -l
#### big-gzip-roundtrip
# tools: gzip md5sum
# files: big
# vm-limits: wasmMemoryBytes=33554432
gzip -1 -c big | gzip -dc | md5sum; md5sum < big
#### producer-builtin-loop-head
# tools: head
i=0; while :; do echo "n$i"; i=$((i + 1)); done | head -3; echo "${PIPESTATUS[@]}"
#### yes-head-in-command-substitution
# tools: yes head
x=$(yes | head -c 10); echo "${#x}"
#### grep-big-count
# tools: grep
# files: big
grep -c 'line number 1' big
