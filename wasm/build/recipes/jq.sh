# jq 1.6 (Debian 12 source; its tree ships no configure: autoreconf).
# Built without oniguruma, so test/match/capture/sub/gsub/split/2 report an error.
# Does not link yet: needs realpath (called at start-up) from the compat library.
PKG=jq DEB_VERSION=1.6-2.1+deb12u2 LICENSE=MIT
# Build-time edit (README.md): Debian's hash-seed security fix (src/jv.c) seeds once with
# pthread_once; wasi-libc has no <pthread.h>. It becomes C11 call_once from <threads.h>
# (same semantics; the compat library implements it).
recipe_configure() {
  sed -i -e 's/^#include <pthread.h>$/#include <threads.h>/' \
    -e 's/^static pthread_once_t hash_seed_once = PTHREAD_ONCE_INIT;$/static once_flag hash_seed_once = ONCE_FLAG_INIT;/' \
    -e 's/^  pthread_once(&hash_seed_once, jvp_hash_seed_init);$/  call_once(\&hash_seed_once, jvp_hash_seed_init);/' src/jv.c
  [ "$(grep -c pthread src/jv.c)" = 0 ]
  autoreconf -fi >/dev/null 2>&1; wasm_configure "$PWD" --without-oniguruma --disable-docs --disable-maintainer-mode --disable-shared --enable-static
}
# libtool refuses to put the compat start-up object (in LIBS) into a libtool library:
# the libraries are made with LIBS minus that object, the programs with the full LIBS.
# BUILT_SOURCES (src/builtin.inc, src/version.h) are only made by `make all`: named first.
recipe_make() {
  make -j"${MAKE_JOBS:-1}" src/builtin.inc src/version.h
  make -j"${MAKE_JOBS:-1}" LIBS="${WASM_LIBS/$COMPAT_OUT\/agentvm-start.o /}" libjq.la
  make -j"${MAKE_JOBS:-1}" jq
}
recipe_emit() { emit jq jq jq; }
