# GNU bc 1.07.1 (Debian 12 source): bc and dc. bc's build runs a first-stage `fbc` to
# precompile the -l math library into libmath.h; here fbc is wasm, so the recipe performs
# that Makefile rule itself and runs fbc under node:wasi (run-wasi.ts).
# Build-time edit (README.md): Debian's 05_notice_read_write_errors.diff calls
# checkferror_input/checkferror_output (void, lib/number.c) from dc without a prototype;
# implicitly declared as returning int they do not match the definition, which wasm-ld
# turns into a trap. Their prototypes (as in h/number.h) are appended to dc/dc-proto.h.
PKG=bc DEB_VERSION=1.07.1-3 LICENSE=GPL-3.0-or-later
# Debian's patches touch autotools inputs only for things not built here (see README.md):
# make is told not to regenerate them (automake here is not the version upstream used).
NOREGEN=(ACLOCAL=true AUTOCONF=true AUTOMAKE=true AUTOHEADER=true)
recipe_configure() {
  printf '%s\n' '/* agentvm build-time edit (wasm/README.md): prototypes from h/number.h */' \
    'extern void checkferror_input (FILE *);' 'extern void checkferror_output (FILE *);' >> dc/dc-proto.h
  wasm_configure "$PWD"
}
recipe_make() {
  make "${NOREGEN[@]}" -C lib
  cd bc
  echo '{0}' > libmath.h
  cp -a global.c global_foo.c      # Debian's bc/Makefile.am rule (Makefile.in is not regenerated)
  make "${NOREGEN[@]}" main.o bc.o scan.o execute.o load.o storage.o util.o warranty.o global_foo.o
  $WASM_CC $WASM_CFLAGS -o fbc main.o bc.o scan.o execute.o load.o storage.o util.o warranty.o global_foo.o ../lib/libbc.a $WASM_LIBS
  "$NODE" "$HERE/run-wasi.ts" fbc "$PWD" fbc -c libmath.b < /dev/null > libmath.h
  ./fix-libmath_h
  rm -f fbc global_foo.o
  grep -q '"' libmath.h                          # the library really got compiled in
  make "${NOREGEN[@]}" bc
  cd ..
  make "${NOREGEN[@]}" -C dc dc
}
recipe_emit() { emit bc/bc bc bc; emit dc/dc dc dc; }
