# =~ and BASH_REMATCH.
#### capture-groups
s="key=value"
if [[ $s =~ ^([a-z]+)=(.*)$ ]]; then
  echo "${BASH_REMATCH[0]}|${BASH_REMATCH[1]}|${BASH_REMATCH[2]}"
fi
#### quoted-regex-is-literal
[[ "a.c" =~ "." ]] && echo y1
[[ "abc" =~ "a.c" ]] || echo n2
[[ "abc" =~ a.c ]] && echo y3
#### regex-in-variable
re='^[0-9]+$'
[[ 123 =~ $re ]] && echo num
[[ 12a =~ $re ]] || echo notnum
[[ 123 =~ "$re" ]] || echo quoted-var-literal
#### failed-match-clears-rematch
[[ abc =~ (b) ]]
echo ${#BASH_REMATCH[@]} ${BASH_REMATCH[1]}
[[ abc =~ (z) ]]
echo ${#BASH_REMATCH[@]}
#### leftmost-longest
[[ "xaaay" =~ a+ ]] && echo "${BASH_REMATCH[0]}"
[[ "foobar" =~ (o|oo)b ]] && echo "${BASH_REMATCH[0]} ${BASH_REMATCH[1]}"
#### unmatched-optional-group
[[ ab =~ a(x)?b ]] && echo "[${BASH_REMATCH[1]}]" ${#BASH_REMATCH[@]}
#### posix-classes
[[ "a1_B" =~ ^[[:alpha:]][[:digit:]]_[[:upper:]]$ ]] && echo classes
[[ $'tab\tx' =~ [[:space:]] ]] && echo space
#### status-codes
[[ a =~ b ]]; echo $?
re='('
[[ a =~ $re ]]; echo $?
#### partially-quoted-regex
[[ 'a+b' =~ ^a"+"b$ ]] && echo partial-quote
[[ 'aab' =~ ^a"+"b$ ]] || echo plus-was-literal
#### interval-and-groups-loop
[[ "2024-01-15" =~ ^([0-9]{4})-([0-9]{2})-([0-9]{2})$ ]] && for i in 1 2 3; do echo ${BASH_REMATCH[i]}; done
#### space-in-regex-via-variable
re='a b'
[[ "xa by" =~ $re ]] && echo ok
[[ "xa by" =~ a\ b ]] && echo escaped-space
#### anchors-and-alternation
for s in cat dog cow; do [[ $s =~ ^(cat|dog)$ ]] && echo "$s yes" || echo "$s no"; done
#### backreference-style-brackets
[[ 'x]y' =~ []] ]] && echo bracket
[[ 'a-b' =~ [a-] ]] && echo "${BASH_REMATCH[0]}"
#### rematch-is-readonly-array-copyable
[[ "k1=v1" =~ (.)(.)=(.*) ]]
m=("${BASH_REMATCH[@]}")
echo ${#m[@]} "${m[@]}"
#### case-sensitive-unless-nocasematch
[[ ABC =~ ^abc$ ]] || echo sensitive
shopt -s nocasematch
[[ ABC =~ ^abc$ ]] && echo insensitive
