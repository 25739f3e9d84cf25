# Aliases in a non-interactive shell.
#### not-expanded-by-default
alias hi='echo alias-used'
hi 2>/dev/null || echo "not expanded $?"
#### expand-aliases-option
shopt -s expand_aliases
alias hi='echo alias-used'
hi
#### same-line-definition-not-effective
shopt -s expand_aliases
alias x='echo X'; x 2>/dev/null; echo $?
x
#### trailing-space-chains-next-word
shopt -s expand_aliases
alias e='echo ' w='world'
e w
#### list-and-unalias
alias a1='echo 1' a2='ls -A'
alias a1
alias
unalias a1
alias a1 2>&1
echo $?
#### alias-expanded-at-definition-time-of-function
shopt -s expand_aliases
alias g='echo first'
f() { g; }
alias g='echo second'
f
g
#### quoted-name-not-expanded
shopt -s expand_aliases
alias q='echo aliased'
\q 2>/dev/null || echo "escaped $?"
'q' 2>/dev/null || echo "quoted $?"
q
#### self-referencing-alias
shopt -s expand_aliases
alias echo='echo prefix'
echo hi
#### unalias-all
alias a='x' b='y'
unalias -a
alias | wc -l
#### alias-with-args-appended
shopt -s expand_aliases
alias say='printf "<%s>"'
say a b; echo
#### alias-value-quoting-in-listing
alias sq="echo 'single' \"double\""
alias sq
