# tree 2.1.0 (Debian 12 source), built with its own Makefile (no configure).
# Build-time edit (README.md): wasi-libc gives S_IFSOCK and S_IFIFO the same value (WASI has
# one file type for both), so two `case` labels in color.c collide: the S_IFSOCK label is
# compiled only when the two differ (a FIFO is then coloured as a FIFO).
PKG=tree DEB_VERSION=2.1.0-1 LICENSE=GPL-2.0-or-later
recipe_configure() {
  sed -i '/^    case S_IFSOCK:$/{N;s/.*/#if S_IFSOCK != S_IFIFO\n&\n#endif/}' color.c
  grep -q '^#if S_IFSOCK != S_IFIFO$' color.c
}
recipe_make() {
  make -j"${MAKE_JOBS:-1}" CC="$WASM_CC" CFLAGS="$WASM_CFLAGS -std=c11 -D_GNU_SOURCE -D_FILE_OFFSET_BITS=64" LDFLAGS="$WASM_LIBS" tree
}
recipe_emit() { emit tree tree tree; }
