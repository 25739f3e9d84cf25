# GNU tar 1.34 (Debian 12 source). No source edits. -z/-j/--use-compress-program need
# process spawn (fork/exec): ENOSYS until the kernel offers it; pipe tar through gzip instead.
PKG=tar DEB_VERSION=1.34+dfsg-1.2+deb12u1 LICENSE=GPL-3.0-or-later
# Debian's patches touch autotools inputs only for things not built here (see README.md):
# make is told not to regenerate them (automake here is not the version upstream used).
NOREGEN=(ACLOCAL=true AUTOCONF=true AUTOMAKE=true AUTOHEADER=true)
recipe_configure() { wasm_configure "$PWD" --without-posix-acls --without-xattrs; }
recipe_make() { make -j"${MAKE_JOBS:-1}" "${NOREGEN[@]}" -C gnu && make -j"${MAKE_JOBS:-1}" "${NOREGEN[@]}" -C lib && make -j"${MAKE_JOBS:-1}" "${NOREGEN[@]}" -C src tar; }
recipe_emit() { emit src/tar tar tar; }
