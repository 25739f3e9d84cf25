# GNU patch 2.7.6 (Debian 12 source).
# Build-time edit (README.md): WASM cannot fork. For ed-style diffs (`patch -e`, or an ed
# script detected in the input) patch forks and runs `ed - FILE` with the script as stdin
# (do_ed_script in src/pch.c); with the compat library's <spawn.h> it is started with
# posix_spawnp instead (same argv, the script's descriptor as stdin; a failure to start ed
# ends in the same "ed FAILED" as the child's _exit (2)). Without compat's spawn.h the edit
# is compiled out ("Can't fork"). Getting files from RCS/SCCS/ClearCase calls system(),
# which the compat library provides.
# Does not compile yet: src/safe.c needs getrlimit/RLIMIT_NOFILE (<sys/resource.h>) from the
# compat library (README.md, "Tools").
PKG=patch DEB_VERSION=2.7.6-7 LICENSE=GPL-3.0-or-later
# Debian's ed-style patch edits tests/Makefile.am (tests are not built here): make is told
# not to regenerate the autotools files (automake here is not the version upstream used).
NOREGEN=(ACLOCAL=true AUTOCONF=true AUTOMAKE=true AUTOHEADER=true)
SPAWN=; [ -f "$COMPAT/include/spawn.h" ] && SPAWN=-DAGENTVM_SPAWN=1

spawn_edit() {
  perl -0pi -e 's{\n(\tpid = fork\(\);\n.*?\t    _exit \(2\);\n\t  \}\n\telse\n)}{\n#if AGENTVM_SPAWN
\t/* agentvm build-time edit (wasm/README.md): WASM cannot fork; ed is spawned. */
\t{
\t  posix_spawn_file_actions_t fa;
\t  char *ed_argv[] = { (char *) editor_program, (char *) "-", (char *) outname, NULL };
\t  assert (outname[0] != \x27!\x27 && outname[0] != \x27-\x27);
\t  if (posix_spawn_file_actions_init (&fa) != 0
\t      || posix_spawn_file_actions_adddup2 (&fa, tmpfd, 0) != 0
\t      || posix_spawnp (&pid, editor_program, &fa, NULL, ed_argv, environ) != 0)
\t    pid = -1;
\t  posix_spawn_file_actions_destroy (&fa);
\t}
\tif (pid == -1)
\t  fatal ("%s FAILED", editor_program);
\telse
#else
$1#endif
}s; s{\n(#include <sys/wait.h>\n)}{\n$1#if AGENTVM_SPAWN\n# include <spawn.h>\nextern char **environ;\n#endif\n}' src/pch.c
  grep -q '^#if AGENTVM_SPAWN$' src/pch.c
  grep -q '^# include <spawn.h>$' src/pch.c
}

# patch's build-aux/config.sub (2018) does not know the `wasi` system: it is replaced by the
# system's newer copy (autotools-dev), as Debian's dh_update_autotools_config does.
recipe_configure() {
  cp /usr/share/misc/config.sub /usr/share/misc/config.guess build-aux/
  spawn_edit; wasm_configure "$PWD"
}
recipe_make() {
  local m=(make -j"${MAKE_JOBS:-1}" "${NOREGEN[@]}" CFLAGS="$WASM_CFLAGS $SPAWN")
  "${m[@]}" -C lib && "${m[@]}" -C src patch
}
recipe_emit() { emit src/patch patch patch; }
