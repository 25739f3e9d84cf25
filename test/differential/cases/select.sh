# select (the menu goes to stderr, merged here).
#### picks-item
select x in alpha beta gamma; do echo "picked $x ($REPLY)"; break; done <<< "2" 2>&1
#### invalid-choice-then-eof
select x in a b; do echo "[$x] [$REPLY]"; done <<< "9" 2>&1
echo status=$?
#### custom-ps3
PS3='choose> '
select x in one two; do echo $x; break; done <<< 1 2>&1
#### empty-line-redisplays-menu
select x in p q; do echo "got $x"; break; done <<< $'\n1' 2>&1
#### select-over-positionals
set -- first second
select x; do echo "$x"; break; done <<< 2 2>&1
