# printf builtin.
#### basic-formats
printf '%s-%d-%5s-%-5s|\n' str 42 r l
#### format-reused-for-extra-args
printf '%s=%s\n' a 1 b 2 c
#### numeric-formats
printf '%05d %x %X %o %#x %#o\n' 42 255 255 8 255 8
printf '%e %.2f %g %G\n' 1234.5 3.14159 0.0001 1e20
#### character-escapes
printf 'a\tb\\n\101\x42\n'
printf '%b\n' 'c\td' '\0101' 'e\x41'
#### char-and-literal-percent
printf '%c%c %% done\n' abc d
#### missing-args-default
printf '[%s][%d][%s]\n' onlyone
printf '[%s]\n'
#### v-option-assigns
printf -v out '%03d' 7
echo "$out"
printf -v 'arr[2]' '%s-%s' x y
echo "${arr[2]}"
#### invalid-number
printf '%d\n' abc 2>&1
echo "status=$?"
printf '%d\n' 12abc 2>&1
echo "status=$?"
#### character-code-with-quote
printf '%d %d %d\n' "'A" '"a' "'"
#### star-width-and-precision
printf '%*s|%-*s|\n' 5 ab 4 c
printf '%.*f\n' 2 3.14159
#### string-precision
printf '%.3s|%10.2s|%-6.1s|\n' abcdef xyz pq
#### double-dash
printf -- '--%s\n' x
#### sign-flags
printf '%+d % d %d %+d\n' 5 5 -5 -5
#### numeric-input-bases
printf '%d %d %d\n' 0x10 010 -0x1
#### b-with-backslash-c
printf '%b|' 'a\cb' more
echo
#### large-integers
printf '%d\n' 9223372036854775807
printf '%u\n' -1
printf '%x\n' -1
#### i-and-s-of-leading-zero
printf '%i %s %d\n' 010 010 08 2>&1
#### no-trailing-newline-added
printf 'no newline'
printf '%s' ' end'
#### printf-with-array
arr=("one two" "" three)
printf '[%s]\n' "${arr[@]}"
#### percent-q-in-format
printf '%s %q\n' plain 'with space'
#### float-rounding
printf '%.0f %.0f %.0f %.1f\n' 0.5 1.5 2.5 0.25
#### unknown-conversion
printf 'a%kb\n' 2>&1
echo "status=$?"
#### escape-octal-limits
printf '\101|\1010|\0101|\060\n'
#### padding-zero-with-negative
printf '%05d|%-05d|%5.3d\n' -42 -42 7
