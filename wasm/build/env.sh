# Shared build environment for the WASI recipes (sourced by build.sh and recipes).
# Everything that changes a compiled module lives here or in the recipe, and both
# are hashed into each package's stamp (see build.sh).

WASM_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd "$WASM_DIR/.." && pwd)
CACHE=${AGENTVM_WASM_CACHE:-$ROOT/.cache/wasm}
DIST=${AGENTVM_WASM_DIST:-$WASM_DIR/dist}
COMPAT=$WASM_DIR/compat
COMPAT_OUT=$CACHE/compat            # libagentvm-compat.a + agentvm-start.o
WASI_SYSROOT=/usr/lib/wasm32-wasi
WASI_INCLUDE=/usr/include/wasm32-wasi
CLANG_RESOURCE=$(clang -print-resource-dir)

# Header search order: our wrappers first (they #include_next the real ones), then
# clang's own headers, then wasi-libc. -nostdinc keeps host glibc headers out.
WASM_CC="clang --target=wasm32-wasi -nostdinc -isystem $COMPAT/include -isystem $CLANG_RESOURCE/include -isystem $WASI_INCLUDE"
WASM_CFLAGS="-O2 -D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_PROCESS_CLOCKS -D_WASI_EMULATED_MMAN -D_WASI_EMULATED_GETPID"
# startup.o is linked as an object so its constructor (argv[0] name, chdir $PWD) always runs.
WASM_LIBS="$COMPAT_OUT/agentvm-start.o -L$COMPAT_OUT -lagentvm-compat -lwasi-emulated-signal -lwasi-emulated-process-clocks -lwasi-emulated-mman -lwasi-emulated-getpid -lc-printscan-long-double"

# configure cache variables: answers configure cannot find out by running test
# programs (it cross-compiles) or would get wrong for WASI. See README.md.
# (gl_cv_func_open_directory_works: wasi-libc's open() opens directories; gnulib's guess
# "no" makes its fchdir emulation lose directory names: find's "Failed to restore initial
# working directory". gl_cv_func_chown_ctime_works: else gnulib's chown follows every
# successful chown with a chmod to touch ctime, and tar -x as root fails with ENOSYS.)
WASM_CACHE_VARS=(
  ac_cv_func_getdtablesize=yes gl_cv_func_getdtablesize_works=yes
  fu_cv_sys_mounted_getmntent1=yes fu_cv_sys_stat_statvfs=yes
  ac_cv_type_getgroups=gid_t gl_cv_func_getgroups_works=yes
  gl_cv_func_getcwd_null=yes gl_cv_func_getcwd_path_max=yes gl_cv_func_getcwd_abort_bug=no
  gl_cv_func_fdopendir_works=yes
  gl_cv_func_open_directory_works=yes gl_cv_func_chown_ctime_works=yes
)
WASM_CONFIGURE_FLAGS=(--host=wasm32-unknown-wasi --build=x86_64-pc-linux-gnu --disable-nls --disable-threads
  --disable-acl --without-selinux --disable-dependency-tracking --disable-silent-rules)

# Run configure with the shared cache. Concurrent packages must not write one file
# at once: each starts from a copy and merges its new answers back under a lock.
# $1 = build dir; remaining args = extra configure args.
wasm_configure() {
  local dir=$1; shift
  # The cache is only valid for one compat library (its headers change configure's answers).
  local shared=$CACHE/config-${COMPAT_HASH:0:12}.cache local=$dir/config.cache
  mkdir -p "$CACHE"
  ( flock 9; [ -f "$shared" ] && cp "$shared" "$local" || : > "$local" ) 9>"$CACHE/config.lock"
  (cd "$dir" && ./configure "${WASM_CONFIGURE_FLAGS[@]}" --cache-file="$local" \
     CC="$WASM_CC" CFLAGS="$WASM_CFLAGS" LIBS="$WASM_LIBS" AR=llvm-ar-14 RANLIB=llvm-ranlib-14 "${WASM_CACHE_VARS[@]}" "$@")
  ( flock 9; touch "$shared"
    # union by variable name; answers already in the shared cache win
    awk -F= 'FNR==NR { if ($1 ~ /^[A-Za-z_]+$/) seen[$1]=1; print; next }
             $1 ~ /^[A-Za-z_]+$/ && !($1 in seen) { seen[$1]=1; print }' "$shared" "$local" > "$shared.new"
    mv "$shared.new" "$shared" ) 9>"$CACHE/config.lock"
}

# Compile wasm/compat into $COMPAT_OUT (libagentvm-compat.a and agentvm-start.o).
# $1 = extra CFLAGS (e.g. -DAGENTVM_KERNEL_IMPORTS), $2 = output dir.
wasm_build_compat() {
  local extra=${1:-} out=${2:-$COMPAT_OUT}
  rm -rf "$out"; mkdir -p "$out/obj"
  local src objs=()
  for src in "$COMPAT"/src/*.c; do
    local obj="$out/obj/$(basename "${src%.c}").o"
    $WASM_CC $WASM_CFLAGS $extra -D_GNU_SOURCE -Wall -Wextra -Werror -c "$src" -o "$obj" || return 1
    [ "$(basename "$src")" = startup.c ] && mv "$obj" "$out/agentvm-start.o" || objs+=("$obj")
  done
  llvm-ar-14 rcs "$out/libagentvm-compat.a" "${objs[@]}"
}
NODE=${NODE:-$ROOT/node_modules/.bin/node}   # Node 24 (runs .ts directly)
