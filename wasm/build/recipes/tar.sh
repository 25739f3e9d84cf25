# GNU tar 1.34 (Debian 12 source).
# Build-time edit (README.md): WASM cannot fork. For -z/-j/-J/-I/--use-compress-program and
# for reading compressed archives tar forks a copy of itself that runs the compressor
# (sys_child_open_for_compress/uncompress in src/system.c). With the compat library's
# <spawn.h> those two functions are replaced: the compressor is started with posix_spawn(p)
# (compressing: `/bin/sh -c PROGRAM` as upstream; decompressing: PROGRAM -d, trying the same
# alternatives), its stdin/stdout connected to a pipe and to the archive file (or tar's own
# stdin/stdout for `-f -`). The upstream versions are kept under other names and still
# serve remote (rmt) archives. Difference: writing to an existing non-regular file other
# than stdout (a device), upstream reblocks the compressor's output into full records; here
# it is written as the compressor produces it. Without compat's spawn.h the edit is compiled
# out and -z reports "Cannot fork: Function not implemented". Not edited (still need fork):
# --to-command, --info-script/-F, --checkpoint-action=exec, --rsh-command, -M volume scripts.
# Build-time edit: src/checkpoint.c includes <termios.h> (wasi-libc has none) only for
# TIOCGWINSZ, which WASI lacks too; the include is kept only when the header exists.
# Build-time edit (as in gzip): src/misc.c tests `#if defined F_SETFL && O_NONBLOCK`;
# wasi-libc's O_NONBLOCK is a cast expression the preprocessor cannot evaluate, so the
# term becomes `defined O_NONBLOCK`.
# Does not link yet: needs sigwait (checkpoint.c), setuid/setgid/initgroups (rtapelib.c) from
# the compat library (README.md, "Tools").
PKG=tar DEB_VERSION=1.34+dfsg-1.2+deb12u1 LICENSE=GPL-3.0-or-later
# Debian's patches touch autotools inputs only for things not built here (see README.md):
# make is told not to regenerate them (automake here is not the version upstream used).
NOREGEN=(ACLOCAL=true AUTOCONF=true AUTOMAKE=true AUTOHEADER=true)
SPAWN=; [ -f "$COMPAT/include/spawn.h" ] && SPAWN=-DAGENTVM_SPAWN=1

spawn_edit() {
  perl -0pi -e 's{\n(#include <wordsplit.h>\n)}{\n$1
#if AGENTVM_SPAWN /* agentvm build-time edit (wasm/README.md): the fork-based versions */
# define sys_child_open_for_compress agentvm_fork_child_open_for_compress
# define sys_child_open_for_uncompress agentvm_fork_child_open_for_uncompress
#endif
}' src/system.c
  cat >> src/system.c <<'EOF'

#if AGENTVM_SPAWN
/* agentvm build-time edit (wasm/README.md): WASM cannot fork, so the compressor is
   started with posix_spawn(p) instead of from a forked child tar. */
#undef sys_child_open_for_compress
#undef sys_child_open_for_uncompress
#include <spawn.h>
extern char **environ;

/* Start ARGV with IN as stdin and OUT as stdout; every descriptor in FDS above 2 is
   closed in the child (both pipe ends, the archive). SIGPIPE is reset to default there,
   as the forked child did. Returns 0 or an errno value. */
static int
agentvm_spawn (pid_t *pid, char *const *argv, bool search, int in, int out, int const fds[4])
{
  posix_spawn_file_actions_t fa;
  posix_spawnattr_t attr;
  sigset_t dfl;
  int i, j, err;

  if ((err = posix_spawn_file_actions_init (&fa)) != 0)
    return err;
  if ((err = posix_spawnattr_init (&attr)) != 0)
    {
      posix_spawn_file_actions_destroy (&fa);
      return err;
    }
  sigemptyset (&dfl);
  sigaddset (&dfl, SIGPIPE);
  err = posix_spawnattr_setsigdefault (&attr, &dfl);
  if (!err)
    err = posix_spawnattr_setflags (&attr, POSIX_SPAWN_SETSIGDEF);
  if (!err && in != STDIN_FILENO)
    err = posix_spawn_file_actions_adddup2 (&fa, in, STDIN_FILENO);
  if (!err && out != STDOUT_FILENO)
    err = posix_spawn_file_actions_adddup2 (&fa, out, STDOUT_FILENO);
  for (i = 0; i < 4 && !err; i++)
    {
      for (j = 0; j < i && fds[j] != fds[i]; j++)
        ;
      if (fds[i] > STDERR_FILENO && j == i)
        err = posix_spawn_file_actions_addclose (&fa, fds[i]);
    }
  if (!err)
    err = search ? posix_spawnp (pid, argv[0], &fa, &attr, argv, environ)
                 : posix_spawn (pid, argv[0], &fa, &attr, argv, environ);
  posix_spawnattr_destroy (&attr);
  posix_spawn_file_actions_destroy (&fa);
  return err;
}

/* Set ARCHIVE for writing, then compressing an archive.  */
pid_t
sys_child_open_for_compress (void)
{
  int parent_pipe[2];
  int out = STDOUT_FILENO;
  char *argv[4];
  pid_t pid;
  int err;

  if (_remdev (archive_name_array[0]))
    return agentvm_fork_child_open_for_compress ();

  signal (SIGPIPE, SIG_IGN);
  xpipe (parent_pipe);
  if (strcmp (archive_name_array[0], "-"))
    {
      if (backup_option && is_regular_file (archive_name_array[0]))
	maybe_backup_file (archive_name_array[0], 1);
      out = creat (archive_name_array[0], MODE_RW);
      if (out < 0)
	{
	  int saved_errno = errno;

	  if (backup_option)
	    undo_last_backup ();
	  errno = saved_errno;
	  open_fatal (archive_name_array[0]);
	}
    }

  argv[0] = (char *) "/bin/sh";
  argv[1] = (char *) "-c";
  argv[2] = (char *) use_compress_program_option;
  argv[3] = NULL;
  {
    int fds[4] = { parent_pipe[PREAD], parent_pipe[PWRITE], out, out };
    err = agentvm_spawn (&pid, argv, false, parent_pipe[PREAD], out, fds);
  }
  if (err)
    {
      errno = err;
      exec_fatal (use_compress_program_option);
    }
  xclose (parent_pipe[PREAD]);
  if (out != STDOUT_FILENO)
    xclose (out);
  archive = parent_pipe[PWRITE];
  return pid;
}

/* Set ARCHIVE for uncompressing, then reading an archive.  */
pid_t
sys_child_open_for_uncompress (void)
{
  int parent_pipe[2];
  int in = STDIN_FILENO;
  pid_t pid = 0;
  int i, err = 0;
  const char *p, *prog = NULL;
  struct wordsplit ws;
  int wsflags = (WRDSF_DEFFLAGS | WRDSF_ENV | WRDSF_DOOFFS) & ~WRDSF_NOVAR;

  if (_remdev (archive_name_array[0]))
    return agentvm_fork_child_open_for_uncompress ();

  xpipe (parent_pipe);
  if (strcmp (archive_name_array[0], "-") != 0)
    {
      in = open (archive_name_array[0], O_RDONLY | O_BINARY, MODE_RW);
      if (in < 0)
	open_fatal (archive_name_array[0]);
    }

  /* run_decompress_program, with a spawn where it calls execvp */
  ws.ws_env = (const char **) environ;
  ws.ws_offs = 1;
  for (p = first_decompress_program (&i); p; p = next_decompress_program (&i))
    {
      int fds[4] = { parent_pipe[PREAD], parent_pipe[PWRITE], in, in };

      if (prog)
	{
	  WARNOPT (WARN_DECOMPRESS_PROGRAM,
		   (0, err, _("cannot run %s"), prog));
	  WARNOPT (WARN_DECOMPRESS_PROGRAM,
		   (0, 0, _("trying %s"), p));
	}
      if (wordsplit (p, &ws, wsflags))
	FATAL_ERROR ((0, 0, _("cannot split string '%s': %s"),
		      p, wordsplit_strerror (&ws)));
      wsflags |= WRDSF_REUSE;
      memmove (ws.ws_wordv, ws.ws_wordv + ws.ws_offs,
	       sizeof (ws.ws_wordv[0]) * ws.ws_wordc);
      ws.ws_wordv[ws.ws_wordc] = (char *) "-d";
      prog = p;
      err = agentvm_spawn (&pid, ws.ws_wordv, true, in, parent_pipe[PWRITE], fds);
      ws.ws_wordv[ws.ws_wordc] = NULL;
      if (!err)
	break;
    }
  if (!prog)
    FATAL_ERROR ((0, 0, _("unable to run decompression program")));
  if (err)
    {
      errno = err;
      exec_fatal (prog);
    }
  if (in != STDIN_FILENO)
    xclose (in);
  xclose (parent_pipe[PWRITE]);
  archive = parent_pipe[PREAD];
  return pid;
}
#endif /* AGENTVM_SPAWN */
EOF
  grep -q '^# define sys_child_open_for_compress agentvm_fork_child_open_for_compress$' src/system.c
}

recipe_configure() {
  sed -i 's/^#include <termios.h>$/#if __has_include (<termios.h>)\n# include <termios.h>\n#endif/' src/checkpoint.c
  grep -q '^#if __has_include (<termios.h>)$' src/checkpoint.c
  sed -i 's/^#if defined F_SETFL && O_NONBLOCK$/#if defined F_SETFL \&\& defined O_NONBLOCK/' src/misc.c
  [ "$(grep -c '^#if defined F_SETFL && defined O_NONBLOCK$' src/misc.c)" = 2 ]
  spawn_edit; wasm_configure "$PWD" --without-posix-acls --without-xattrs; }
recipe_make() {
  local m=(make -j"${MAKE_JOBS:-1}" "${NOREGEN[@]}" CFLAGS="$WASM_CFLAGS $SPAWN")
  # src/Makefile.am puts $(LIBS) into tar_LDADD and automake appends it again: the compat
  # start-up object would be linked twice (duplicate symbols), so the first one is dropped.
  "${m[@]}" -C gnu && "${m[@]}" -C lib &&
    "${m[@]}" -C src tar tar_LDADD='$(LDADD) $(LIB_CLOCK_GETTIME) $(LIB_EACCESS) $(LIB_SELINUX)'
}
recipe_emit() { emit src/tar tar tar; }
