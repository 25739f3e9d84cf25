# GNU bc 1.07.1 (Debian 12 source). No source edits. bc's build runs a first-stage
# `fbc` to precompile the -l math library into libmath.h; here fbc is wasm, so the
# recipe performs that Makefile rule itself and runs fbc under node:wasi (run-wasi.ts).
# dc is not built (an implicitly declared function turns into a trap when linked for wasm).
PKG=bc DEB_VERSION=1.07.1-3 LICENSE=GPL-3.0-or-later
# Debian's patches touch autotools inputs only for things not built here (see README.md):
# make is told not to regenerate them (automake here is not the version upstream used).
NOREGEN=(ACLOCAL=true AUTOCONF=true AUTOMAKE=true AUTOHEADER=true)
recipe_configure() { wasm_configure "$PWD"; }
recipe_make() {
  make "${NOREGEN[@]}" -C lib
  cd bc
  echo '{0}' > libmath.h
  make "${NOREGEN[@]}" main.o bc.o scan.o execute.o load.o storage.o util.o warranty.o global_foo.o
  $WASM_CC $WASM_CFLAGS -o fbc main.o bc.o scan.o execute.o load.o storage.o util.o warranty.o global_foo.o ../lib/libbc.a $WASM_LIBS
  "$NODE" "$HERE/run-wasi.ts" fbc "$PWD" fbc -c libmath.b < /dev/null > libmath.h
  ./fix-libmath_h
  rm -f fbc global_foo.o
  grep -q '"' libmath.h                          # the library really got compiled in
  make "${NOREGEN[@]}" bc
  cd ..
}
recipe_emit() { emit bc/bc bc bc; }
