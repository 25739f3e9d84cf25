# GNU findutils 4.9.0 (Debian 12 source). Debian's gettext-macro patch edits configure.ac,
# so the tree is autoreconf'ed before configure. No source edits.
PKG=findutils DEB_VERSION=4.9.0-4 LICENSE=GPL-3.0-or-later
recipe_configure() { autoreconf -fi >/dev/null; wasm_configure "$PWD" --without-fts-leafopt; }
recipe_make() { make -j"${MAKE_JOBS:-1}" -C gl && make -j"${MAKE_JOBS:-1}" -C lib && make -j"${MAKE_JOBS:-1}" -C find find && make -j"${MAKE_JOBS:-1}" -C xargs xargs; }
recipe_emit() { emit find/find find find; emit xargs/xargs xargs xargs; }
