# mapfile / readarray.
#### basic-strip-newlines
mapfile -t lines < <(printf 'a\nb\nc\n')
echo ${#lines[@]} "${lines[1]}"
#### keeps-newlines-without-t
mapfile arr <<< "x"
printf '[%s]' "${arr[0]}"
echo
#### readarray-synonym
printf '1\n2\n' > f
readarray -t n < f
echo "${n[@]}"
#### skip-and-count
seq 10 | { mapfile -t -s 2 -n 3 a; echo "${a[@]}"; }
#### origin-index
a=(x y)
mapfile -t -O 5 a <<< $'p\nq'
echo "${!a[@]}" "${a[@]}"
#### custom-delimiter
mapfile -t -d , parts <<< "a,b,c"
printf '<%s>' "${parts[@]}"
echo
#### empty-input-empty-array
a=(old)
mapfile -t a < /dev/null
echo ${#a[@]}
#### default-array-name
printf 'z\n' | { mapfile; printf '%s' "${MAPFILE[0]}"; }
#### callback-every-n-lines
seq 4 | { mapfile -t -C 'echo cb' -c 2 a; echo "${a[@]}"; }
#### empty-lines-kept
printf 'a\n\nb\n' | { mapfile -t a; echo ${#a[@]} "[${a[1]}]"; }
#### last-line-without-newline
printf 'a\nb' | { mapfile -t a; echo ${#a[@]} "${a[1]}"; }
#### mapfile-from-fd
exec 3< <(printf 'u1\nu2\n')
mapfile -t -u 3 a
echo "${a[@]}"
