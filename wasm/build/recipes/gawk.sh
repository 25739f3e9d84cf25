# GNU awk 5.2.1 (Debian 12 source). No dynamic extensions (no dlopen in WASI).
# Build-time edit: wasi-libc gives S_IFSOCK and S_IFIFO the same value (WASI has one file
# type for both), which makes two `case` labels in posix/gawkmisc.c collide; the
# S_IFSOCK label is compiled only when the two differ.
PKG=gawk DEB_VERSION=1:5.2.1-2 LICENSE=GPL-3.0-or-later
recipe_configure() {
  sed -i 's/^#ifdef S_IFSOCK$/#if defined S_IFSOCK \&\& S_IFSOCK != S_IFIFO/' posix/gawkmisc.c
  grep -q '^#if defined S_IFSOCK && S_IFSOCK != S_IFIFO$' posix/gawkmisc.c
  wasm_configure "$PWD" --disable-extensions --disable-mpfr --without-readline --disable-pma
}
recipe_make() { make -j"${MAKE_JOBS:-1}" -C support && make -j"${MAKE_JOBS:-1}" gawk; }
recipe_emit() { emit gawk gawk gawk awk; }
