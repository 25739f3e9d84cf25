# GNU grep 3.8 (Debian 12 source). Without PCRE: `grep -P` reports it is unsupported.
# Build-time edit: Debian's patch for DEB_GREP_ENABLE_STRAY_BACKSLASH_WARN puts a
# declaration right after the label `stray_backslash:` in lib/dfa.c (C23; GCC accepts it,
# clang 14 does not): an empty statement `;` is added after the label.
# Debian's 05-grep-wrapper-sh.patch edits src/Makefile.am (only for the egrep/fgrep shell
# wrappers, not built here): make is told not to regenerate the autotools files.
PKG=grep DEB_VERSION=3.8-5 LICENSE=GPL-3.0-or-later
recipe_configure() {
  sed -i 's/^\( *stray_backslash:\)$/\1 ;/' lib/dfa.c
  grep -q '^ *stray_backslash: ;$' lib/dfa.c
  wasm_configure "$PWD" --disable-perl-regexp
}
NOREGEN=(ACLOCAL=true AUTOCONF=true AUTOMAKE=true AUTOHEADER=true)
recipe_make() { make -j"${MAKE_JOBS:-1}" "${NOREGEN[@]}" -C lib && make -j"${MAKE_JOBS:-1}" "${NOREGEN[@]}" -C src grep; }
recipe_emit() { emit src/grep grep grep; }
