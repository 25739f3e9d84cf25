# Tilde expansion (never prints the real $HOME).
#### tilde-is-home
[ ~ = "$HOME" ] && echo same
[ ~/x = "$HOME/x" ] && echo same-sub
#### tilde-with-changed-home
HOME=/custom
echo ~ ~/a "~" '~' \~ ~nosuchuserxyz
#### tilde-in-assignments
HOME=/h
x=~/a
y=a:~/b:~/c
echo $x $y
z="~"
echo $z
#### tilde-not-at-word-start
HOME=/h
echo a~ a/~ ~~ "x"~
#### tilde-after-equals-in-argument
HOME=/h
echo a=~ --opt=~/x
#### tilde-plus-and-minus
HOME=/h
cd /
OLDPWD=/old
echo ~+ ~-
#### tilde-in-parameter-default
HOME=/h
unset x
echo ${x:-~} "${x:-~}" ${x:-~/d}
#### tilde-with-trailing-slash-home
HOME=/h/
echo ~/x ~
#### tilde-in-array-assignment
HOME=/h
a=(~ ~/b)
echo "${a[@]}"
#### tilde-quoted-slash-part
HOME=/h
echo ~/"a b" ~/'*'
