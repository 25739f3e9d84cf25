# set -u (nounset).
#### unbound-variable-exits
exec 2>&1
set -u
echo "$undefined_var"
echo after
#### defaults-are-allowed
set -u
echo "${undefined-ok}" "${undefined:-ok2}" "${undefined+alt}x"
#### empty-array-at-is-allowed
set -u
a=()
echo "n=${#a[@]}"
echo "[${a[@]}]"
echo ok
#### unset-positional
exec 2>&1
set -u
set -- a
echo $1
echo $2
echo not-reached
#### dollar-at-and-star-with-no-args
set -u
set --
echo "[$@]" "[$*]" $#
#### unset-array-element
exec 2>&1
set -u
a=(x)
echo ${a[0]}
echo ${a[5]}
echo not-reached
#### in-subshell-only-subshell-exits
exec 2>&1
set -u
(echo $nope)
echo "after $?"
#### v-test-under-nounset
set -u
[[ -v nope ]] || echo not-set
echo "${nope+set}x"
#### assoc-missing-key
exec 2>&1
set -u
declare -A m=([a]=1)
echo ${m[a]}
echo ${m[b]}
#### length-of-unset
exec 2>&1
set -u
echo ${#nope}
echo not-reached
#### set-plus-u
set -u
set +u
echo "[$nope]"
#### arithmetic-unset-variable
exec 2>&1
set -u
echo $(( nope + 1 ))
echo not-reached
