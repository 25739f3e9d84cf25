# xxd from the vim 9.0.1378 source package (Debian 12). Only src/xxd/xxd.c is built: one
# self-contained file. No source edits. Licence of src/xxd/* per debian/copyright: Expat or GPL-2.
PKG=vim DEB_VERSION=2:9.0.1378-2+deb12u2 LICENSE="MIT OR GPL-2.0-only"
recipe_configure() { :; }
recipe_make() { $WASM_CC $WASM_CFLAGS -o src/xxd/xxd src/xxd/xxd.c $WASM_LIBS; }
recipe_emit() { emit src/xxd/xxd xxd xxd; }
