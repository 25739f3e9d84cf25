# jq 1.6 (Debian 12 source; its tree ships no configure: autoreconf). No source edits.
# Built without oniguruma, so test/match/capture/sub/gsub/split/2 report an error.
PKG=jq DEB_VERSION=1.6-2.1+deb12u2 LICENSE=MIT
recipe_configure() { autoreconf -fi >/dev/null 2>&1; wasm_configure "$PWD" --without-oniguruma --disable-docs --disable-maintainer-mode --disable-shared --enable-static; }
recipe_make() { make -j"${MAKE_JOBS:-1}" jq; }
recipe_emit() { emit jq jq jq; }
