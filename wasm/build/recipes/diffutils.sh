# GNU diffutils 3.8 (Debian 12 source). No source edits.
PKG=diffutils DEB_VERSION=1:3.8-4 LICENSE=GPL-3.0-or-later
# Debian's patches touch autotools inputs only for things not built here (see README.md):
# make is told not to regenerate them (automake here is not the version upstream used).
NOREGEN=(ACLOCAL=true AUTOCONF=true AUTOMAKE=true AUTOHEADER=true)
recipe_configure() { wasm_configure "$PWD"; }
recipe_make() { make -j"${MAKE_JOBS:-1}" "${NOREGEN[@]}" -C lib && make -j"${MAKE_JOBS:-1}" "${NOREGEN[@]}" -C src version.h diff cmp diff3 sdiff; }
recipe_emit() { local p; for p in diff cmp diff3 sdiff; do emit src/$p $p $p; done; }
