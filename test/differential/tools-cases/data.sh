# jq and bc. Run by tools-data.test.ts (format: tools-harness.ts).

#### jq-field-and-raw
# tools: jq
# files: items.json
jq .name items.json; jq -r .name items.json; jq '.count + 1' items.json
#### jq-iterate-and-compact
# tools: jq
# files: items.json
jq -r '.items[].name' items.json; jq -c '.items[] | {id, price}' items.json; jq -c 'map_values(type)' items.json
#### jq-select-map-sort
# tools: jq
# files: items.json
jq '[.items[] | select(.price > 1) | .name]' items.json; jq -c '.items | sort_by(.price) | map(.id)' items.json
#### jq-args-and-null-input
# tools: jq
jq -n --arg who world '"hello \($who)"'; jq -n --argjson n 5 '[range($n)] | add'; jq -n '1 / 3, (10 | tostring), ("a,b" | split(","))'
#### jq-slurp-and-stdin
# tools: jq
printf '{"a":1}\n{"a":2}\n{"a":3}\n' | jq -s 'map(.a) | add'; printf '[3,1,2]' | jq -c 'sort, length, min, max'
#### jq-keys-has-del-update
# tools: jq
# files: items.json
jq -c 'keys, has("count"), (del(.items) | keys)' items.json; jq -c '.items[0] | .price *= 2 | .tags += ["z"]' items.json
#### jq-exit-status
# tools: jq
jq -e '.missing' <<< '{}'; echo "status $?"; jq -e '.a' <<< '{"a":true}'; echo "status $?"
#### jq-parse-error
# tools: jq
printf '{"a": }' | jq .; echo "status $?"
#### jq-tsv-csv-format
# tools: jq
# files: items.json
jq -r '.items[] | [.id, .name, .price] | @tsv' items.json; jq -r '.items[] | [.name, (.tags | join(";"))] | @csv' items.json; jq -r '@base64 "x=\(.name)"' items.json
#### jq-pipeline-with-tools
# tools: jq sort head
# files: items.json
jq -r '.items[] | "\(.price) \(.name)"' items.json | sort -rn | head -1
#### bc-integer-and-power
# tools: bc
echo '2^64' | bc; echo '12345678901234567890 * 98765432109876543210' | bc; echo '17 % 5; -7 / 2' | bc
#### bc-scale-and-math-lib
# tools: bc
echo 'scale=10; 1/3' | bc; echo 's(1); c(0); a(1)*4; l(10); e(1)' | bc -l; echo 'scale=3; sqrt(2)' | bc
#### bc-bases-and-functions
# tools: bc
echo 'obase=16; 255; 4096' | bc; echo 'ibase=2; 1010' | bc; printf 'define f(n) { if (n < 2) return n; return f(n-1) + f(n-2); }\nf(20)\n' | bc
#### bc-errors
# tools: bc
echo '1/0' | bc; echo "status $?"; echo 'syntax error here (' | bc; echo "status $?"
#### dc-stack-and-precision
# tools: dc
echo '2 3 + p 10 3 / p 4 k 10 3 / p' | dc; echo '1 0 / p' | dc; echo "status $?"
#### xxd-dump-and-revert
# tools: xxd
printf 'hello, world\n\001\377' > b; xxd b; xxd -p b; xxd -p b | xxd -r -p | cmp - b && echo same; xxd -l 4 -c 2 b
