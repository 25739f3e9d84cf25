# GNU gzip 1.12 (Debian 12 source). No source edits. Build-time flag -DGNU_STANDARD=0
# turns on gzip's own argv[0] dispatch (gunzip = gzip -d, zcat = gzip -dc) so one module
# serves all three names (upstream installs shell scripts for them instead).
PKG=gzip DEB_VERSION=1.12-1 LICENSE=GPL-3.0-or-later
# Debian's patches touch autotools inputs only for things not built here (see README.md):
# make is told not to regenerate them (automake here is not the version upstream used).
NOREGEN=(ACLOCAL=true AUTOCONF=true AUTOMAKE=true AUTOHEADER=true)
# Build-time edit: util.c tests `#if ... && O_NONBLOCK && ...`; wasi-libc's O_NONBLOCK is a
# cast expression the preprocessor cannot evaluate, so it becomes `defined O_NONBLOCK`.
recipe_configure() {
  sed -i 's/^#if defined F_SETFL && O_NONBLOCK && defined EAGAIN$/#if defined F_SETFL \&\& defined O_NONBLOCK \&\& defined EAGAIN/' util.c
  grep -q '^#if defined F_SETFL && defined O_NONBLOCK && defined EAGAIN$' util.c
  wasm_configure "$PWD"
}
recipe_make() { make -j"${MAKE_JOBS:-1}" "${NOREGEN[@]}" -C lib && make -j"${MAKE_JOBS:-1}" "${NOREGEN[@]}" version.h gzip CFLAGS="$WASM_CFLAGS -DGNU_STANDARD=0"; }
recipe_emit() { emit gzip gzip gzip gunzip zcat; }
