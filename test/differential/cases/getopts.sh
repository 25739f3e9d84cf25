# getopts.
#### basic-loop
set -- -a -b val file
while getopts "ab:" opt; do
  case $opt in
    a) echo A;;
    b) echo "B=$OPTARG";;
  esac
done
shift $((OPTIND-1))
echo "rest: $@"
#### combined-flags-and-attached-arg
set -- -abc -d5 x
while getopts "abcd:" o; do echo "$o ${OPTARG-}"; done
echo $OPTIND
#### unknown-option-message
set -- -z
getopts "a" o 2>&1
echo "o=$o status=$? OPTARG=[${OPTARG-unset}]"
#### silent-mode
set -- -z -b
while getopts ":ab:" o; do
  case $o in
    \?) echo "bad $OPTARG";;
    :) echo "missing for $OPTARG";;
    *) echo "ok $o";;
  esac
done
#### double-dash-ends-options
set -- -a -- -b
while getopts "ab" o; do echo $o; done
shift $((OPTIND-1))
echo "$@"
#### stops-at-first-non-option
set -- -a file -b
while getopts "ab" o; do echo $o; done
echo OPTIND=$OPTIND
#### local-optind-in-function
f() { local OPTIND o; while getopts "x:" o; do echo "x=$OPTARG"; done; }
f -x 1
f -x 2
#### explicit-argument-list
while getopts "q" o -q -q; do echo $o; done
#### missing-argument-message
set -- -b
getopts "b:" o 2>&1
echo "o=$o"
#### final-status-and-var
set -- -a
getopts a o; echo "$? $o"
getopts a o; echo "$? $o"
#### option-argument-with-spaces
set -- -m "hello world" -n
while getopts "m:n" o; do echo "$o:[${OPTARG-}]"; done
#### optind-reset-for-reparse
set -- -a
getopts a o; echo $o
OPTIND=1
getopts a o; echo "again $o"
#### digit-options
set -- -1 -2
while getopts "12" o; do echo "opt$o"; done
