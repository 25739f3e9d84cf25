# set -o pipefail.
#### off-by-default
false | true
echo $?
#### rightmost-failure-wins
set -o pipefail
(exit 2) | (exit 3) | true
echo $?
#### all-success
set -o pipefail
true | true
echo $?
#### with-errexit
set -eo pipefail
false | true
echo not-reached
#### with-sigpipe
set -o pipefail
yes | head -1
echo $?
#### with-negation
set -o pipefail
! false | true
echo $?
#### in-if-condition
set -o pipefail
if false | true; then echo yes; else echo no; fi
#### shopt-o-listing
set -o pipefail
shopt -o pipefail
set +o pipefail
shopt -qo pipefail || echo off
#### pipestatus-unchanged-by-pipefail
set -o pipefail
(exit 1) | (exit 0) | (exit 2)
echo "$? ${PIPESTATUS[@]}"
#### single-command-unaffected
set -o pipefail
false
echo $?
