# XZ Utils 5.4.1 (Debian 12 source): xz (argv[0]: unxz = xz -d, xzcat = xz -dc, lzma,
# unlzma, lzcat for the .lzma format), xzdec/lzmadec (small decompressors), lzmainfo.
# Single-threaded (--disable-threads). No source edits. xz needs a working pipe() (its
# self-pipe for signals, src/xz/file_io.c): it reports "Error creating a pipe" without one.
# Licence: liblzma and the xz tools are public domain (Debian: "PD"; SPDX has no id).
PKG=xz-utils DEB_VERSION=5.4.1-1+deb12u1 LICENSE=LicenseRef-public-domain
recipe_configure() {
  wasm_configure "$PWD" --disable-shared --disable-scripts --disable-doc --disable-sandbox \
    --disable-assembler --disable-symbol-versions
}
# libtool refuses to put the compat start-up object (in LIBS) into a libtool library:
# the libraries are made with LIBS minus that object, the programs with the full LIBS.
recipe_make() {
  local m=(make -j"${MAKE_JOBS:-1}")
  "${m[@]}" -C src/liblzma LIBS="${WASM_LIBS/$COMPAT_OUT\/agentvm-start.o /}" liblzma.la && "${m[@]}" -C src/xz xz && "${m[@]}" -C src/xzdec xzdec lzmadec && "${m[@]}" -C src/lzmainfo lzmainfo
}
recipe_emit() {
  emit src/xz/xz xz xz unxz xzcat lzma unlzma lzcat
  emit src/xzdec/xzdec xzdec xzdec
  emit src/xzdec/lzmadec lzmadec lzmadec
  emit src/lzmainfo/lzmainfo lzmainfo lzmainfo
}
