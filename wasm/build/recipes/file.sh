# file 5.44 (Debian 12 source): file + libmagic, and its compiled magic database.
# Debian's patches edit magic/Makefile.am (extra magic fragments) and src/Makefile.am
# (/etc/magic first in the search path): the tree is autoreconf'ed, as Debian's build does.
# Build-time edit (as in gawk): wasi-libc gives S_IFSOCK and S_IFIFO the same value, so
# two `case` labels in src/fsmagic.c collide: the S_IFSOCK one is compiled only when the two
# differ (a pipe is reported as "fifo (named pipe)").
# Built without zlib/bzip2/xz/zstd/lzip libraries: `file -z` would start the decompressor with
# vfork+exec and reports an error instead.
# Does not link yet: libmagic's compress.c needs mkstemp (or mktemp), which wasi-libc lacks.
# The magic database: the Makefile compiles it with the file program it builds (when cross
# compiling, with a host `file` of the same version); here the wasm `file -C` runs under
# node:wasi (run-wasi.ts). magic.mgc goes to wasm/dist/ and must be installed in the VM at
# /usr/share/misc/magic.mgc (the compiled-in search path is /etc/magic:/usr/share/misc/magic,
# as on Debian); the manifest entry of file.wasm names it under "data".
PKG=file DEB_VERSION=1:5.44-3 LICENSE=BSD-2-Clause
MAGIC_PATH=/usr/share/misc/magic
recipe_configure() {
  sed -i 's/^#ifdef\tS_IFSOCK$/#if defined S_IFSOCK \&\& S_IFSOCK != S_IFIFO/' src/fsmagic.c
  grep -q '^#if defined S_IFSOCK && S_IFSOCK != S_IFIFO$' src/fsmagic.c
  autoreconf -fi >/dev/null 2>&1
  wasm_configure "$PWD" --disable-shared --disable-zlib --disable-bzlib --disable-xzlib \
    --disable-zstdlib --disable-lzlib --disable-libseccomp
}
# libtool refuses to put the compat start-up object (in LIBS) into a libtool library:
# the libraries are made with LIBS minus that object, the programs with the full LIBS.
recipe_make() {
  make -j"${MAKE_JOBS:-1}" -C src magic.h     # BUILT_SOURCES, made first only by `make all`
  make -j"${MAKE_JOBS:-1}" -C src MAGIC="$MAGIC_PATH" LIBS="${WASM_LIBS/$COMPAT_OUT\/agentvm-start.o /}" libmagic.la
  make -j"${MAKE_JOBS:-1}" -C src MAGIC="$MAGIC_PATH" file
  make -C magic FILE_COMPILE="$NODE --no-warnings $HERE/run-wasi.ts $PWD/src/file $PWD/magic file" magic.mgc
  test -s magic/magic.mgc
}
recipe_emit() {
  emit src/file file file
  cp magic/magic.mgc "$DIST/magic.mgc.tmp" && mv "$DIST/magic.mgc.tmp" "$DIST/magic.mgc"
  local tmp="$CACHE/manifest/$PKG.json.tmp"
  sed -i "\$s|}\$|,\"data\":[{\"file\":\"magic.mgc\",\"path\":\"$MAGIC_PATH.mgc\",\"bytes\":$(stat -c %s magic/magic.mgc)}]}|" "$tmp"
  grep -q '"data":\[{"file":"magic.mgc"' "$tmp"
}
