# bzip2 1.0.8 (Debian 12 source). No configure: the sources are compiled directly (Debian's
# Makefile links bzip2 against the shared libbz2, which does not exist for WASI).
# bzip2 chooses its mode from argv[0] (bunzip2 = bzip2 -d, bzcat = bzip2 -dc): one module.
# No source edits. Compressing a named file ends with fchmod() of the output, which needs
# mode bits from the kernel (the compat library's kernel imports; else ENOSYS).
PKG=bzip2 DEB_VERSION=1.0.8-5 LICENSE=bzip2-1.0.6
BZ_SRC=(blocksort.c huffman.c crctable.c randtable.c compress.c decompress.c bzlib.c)
recipe_configure() { :; }
recipe_make() {
  $WASM_CC $WASM_CFLAGS -D_FILE_OFFSET_BITS=64 -o bzip2 bzip2.c "${BZ_SRC[@]}" $WASM_LIBS
  $WASM_CC $WASM_CFLAGS -D_FILE_OFFSET_BITS=64 -o bzip2recover bzip2recover.c $WASM_LIBS
}
recipe_emit() { emit bzip2 bzip2 bzip2 bunzip2 bzcat; emit bzip2recover bzip2recover bzip2recover; }
