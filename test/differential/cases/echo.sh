# echo builtin.
#### basic-and-n
echo -n a
echo b
echo -n
echo c
#### e-escapes
echo -e 'a\tb\nc\\d'
echo 'a\tb'
#### E-and-combined-flags
echo -E 'x\ty'
echo -ne 'p\x41\n'
echo -en 'q\n'
echo -eE 'r\ts'
#### non-option-arguments
echo -x -n
echo -- -n
echo "-n"X
echo -nn z
echo
echo -n -e 'x\n'
#### spaces-between-args
echo a    b "c    d"
#### backslash-c-stops-output
echo -e 'before\cafter'
echo next
#### xpg-echo
shopt -s xpg_echo
echo 'a\tb'
echo -E 'c\td'
#### octal-escapes
echo -e '\0101\060|\101|\x41|\u0041'
#### empty-args
echo "" x ""
echo "[$(echo)]"
#### echo-dash-only
echo -
echo -e
echo --
#### echo-special-escapes
echo -e 'a\eb' | tr '\033' E
echo -e 'bell\a' | tr '\007' B
echo -e 'v\vf\f' | tr '\013\014' VF
