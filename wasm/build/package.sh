# Per-package build steps (sourced by build.sh; part of every package's stamp hash):
# fetch the Debian source, copy it, run the recipe's configure/make/emit.
# A recipe (recipes/<pkg>.sh) sets PKG, DEB_VERSION, LICENSE and defines
# recipe_configure, recipe_make (run in the build dir) and recipe_emit (calls emit).

recipe_hash() {  # everything that can change a package's output
  { cat "$HERE/recipes/$1.sh" "$HERE/env.sh" "$HERE/package.sh"; echo "$COMPAT_HASH"; } | sha256sum | cut -c1-64
}

# fetch <pkg> <debian-version> -> $CACHE/src/<pkg>-<version>/ (pristine, Debian patches applied)
fetch() {
  local pkg=$1 ver=$2 dir="$CACHE/src/$1-${2#*:}"
  [ -f "$dir/.complete" ] && return 0
  ( flock 9
    cd "$CACHE/dl"
    local dsc="${pkg}_${ver#*:}.dsc"
    [ -f "$dsc" ] || apt-get source -qq --download-only "$pkg=$ver" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true
    [ -f "$dsc" ] || { echo "fetch: $pkg=$ver not available from apt (deb-src)" >&2; exit 1; }
    rm -rf "$dir"
    dpkg-source -q -x "$dsc" "$dir" >/dev/null
    touch "$dir/.complete"
  ) 9>"$CACHE/dl/.lock"
}

# Recipe helpers --------------------------------------------------------------
# emit <built-file> <module-name> <command>...: strip into dist + manifest fragment
emit() {
  local built=$1 name=$2; shift 2
  local out="$DIST/$name.wasm"
  wasm-strip -o "$out.tmp" "$built" && mv "$out.tmp" "$out"
  local sha bytes cmds
  sha=$(sha256sum "$out" | cut -c1-64); bytes=$(stat -c %s "$out")
  cmds=$(printf '"%s",' "$@"); cmds="[${cmds%,}]"
  printf '{"file":"%s.wasm","package":"%s","debianVersion":"%s","license":"%s","commands":%s,"sha256":"%s","bytes":%s}\n' \
    "$name" "$PKG" "$DEB_VERSION" "$LICENSE" "$cmds" "$sha" "$bytes" >> "$CACHE/manifest/$PKG.json.tmp"
}

build_pkg() {  # runs in a subshell, output to the package log
  local pkg=$1
  source "$HERE/recipes/$pkg.sh"
  fetch "$PKG" "$DEB_VERSION"
  local bdir="$CACHE/build/$PKG"
  rm -rf "$bdir" "$CACHE/manifest/$PKG.json.tmp"
  cp -a "$CACHE/src/$PKG-${DEB_VERSION#*:}" "$bdir"
  cd "$bdir"
  local t=$(date +%s.%N)
  recipe_configure
  echo "@@ configure $(elapsed "$t")"
  t=$(date +%s.%N)
  recipe_make
  echo "@@ make $(elapsed "$t")"
  recipe_emit
  mv "$CACHE/manifest/$PKG.json.tmp" "$CACHE/manifest/$PKG.json"
}

