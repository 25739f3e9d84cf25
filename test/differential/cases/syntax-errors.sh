# Syntax errors, run in a child bash so the parse error is contained.
#### unexpected-then
bash -c 'if then fi' 2>&1
echo $?
#### unterminated-double-quote
bash -c 'echo "abc' 2>&1
echo $?
#### unterminated-single-quote
bash -c "echo 'abc" 2>&1
echo $?
#### missing-done
bash -c 'for i in 1; do echo $i' 2>&1
echo $?
#### unexpected-close-paren
bash -c 'echo )' 2>&1
echo $?
#### missing-fi
bash -c 'if true; then echo x' 2>&1
echo $?
#### incomplete-case
bash -c 'case x in' 2>&1
echo $?
#### error-on-second-line-runs-first
bash -c 'echo first
fi' 2>&1
echo $?
#### stray-done
bash -c 'done' 2>&1
echo $?
#### double-semicolon-outside-case
bash -c 'echo a;; echo b' 2>&1
echo $?
#### empty-function-body
bash -c 'f() { }' 2>&1
echo $?
#### pipe-at-end
bash -c 'echo a |' 2>&1
echo $?
#### redirect-without-target
bash -c 'echo >' 2>&1
echo $?
#### eval-syntax-error-continues
eval 'echo (' 2>&1
echo "after $?"
#### unclosed-brace-group
bash -c '{ echo a' 2>&1
echo $?
#### unclosed-command-substitution
bash -c 'echo $(echo a' 2>&1
echo $?
#### bad-arithmetic-for
bash -c 'for ((i=0; i<2)); do :; done' 2>&1
echo $?
#### and-at-start
bash -c '&& echo x' 2>&1
echo $?
#### unexpected-else
bash -c 'else' 2>&1
echo $?
#### syntax-error-later-in-same-line-blocks-whole-line
bash -c 'echo before; if; echo after' 2>&1
echo $?
#### heredoc-missing-delimiter-warning
bash -c 'cat <<EOF
body' 2>&1
echo $?
#### odd-function-name-is-allowed
bash -c 'function 1+x { :; }; echo ran' 2>&1
echo $?
#### semicolon-alone
bash -c ';' 2>&1
echo $?
#### unterminated-parameter-expansion
bash -c 'echo ${x' 2>&1
echo $?
#### bad-for-variable
bash -c 'for 1x in a; do :; done' 2>&1
echo $?
#### script-file-syntax-error-after-first-command
printf 'echo start\nwhile\n' > s.sh
bash s.sh 2>&1
echo $?
