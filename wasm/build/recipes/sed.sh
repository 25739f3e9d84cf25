# GNU sed 4.9 (Debian 12 source). No source edits.
PKG=sed DEB_VERSION=4.9-1+deb12u1 LICENSE=GPL-3.0-or-later
recipe_configure() { wasm_configure "$PWD"; }
recipe_make() { make -j"${MAKE_JOBS:-1}" sed/sed; }
recipe_emit() { emit sed/sed sed sed; }
