# GNU findutils 4.9.0 (Debian 12 source): find, xargs. Debian's gettext-macro patch edits
# configure.ac, so the tree is autoreconf'ed before configure.
# Build-time edits (README.md): WASM cannot fork. find's launch() (-exec/-execdir/-ok) and
# xargs' xargs_do_exec() fork, prepare the child and execvp; with the compat library's
# <spawn.h> they start the command with posix_spawnp instead (same argv, environment, stdin
# handling, working directory, exit statuses and messages). The fork code stays in place
# under `#if !AGENTVM_SPAWN`; without compat's spawn.h the edit is compiled out and running a
# command reports "cannot fork: Function not implemented".
# Build-time edit: wasi-libc gives S_IFSOCK and S_IFIFO the same value (WASI has one file
# type for both), so two `case` labels in find/pred.c collide: the S_IFSOCK label is
# compiled only when the two differ (as in gawk).
PKG=findutils DEB_VERSION=4.9.0-4 LICENSE=GPL-3.0-or-later
SPAWN=; [ -f "$COMPAT/include/spawn.h" ] && SPAWN=-DAGENTVM_SPAWN=1

spawn_edits() {
  # find/exec.c: a helper before launch(), then fork + child + waitpid -> spawn + waitpid.
  perl -0pi -e '
    s{\n(int\nlaunch \(struct buildcmd_control)}{\n#if AGENTVM_SPAWN
/* agentvm build-time edit (wasm/README.md): WASM cannot fork, so the command is started
   with posix_spawnp. What the forked child did before execvp is done here: stdin from
   /dev/null for -ok/-okdir, and the working directory WD (entered in this process for the
   spawn, then left again; the child starts in the caller\x27s working directory).
   Returns 0, or non-zero after reporting the error as the child would have. */
#include <spawn.h>
extern char **environ;
static int
agentvm_spawn (pid_t *pid, bool close_stdin, const struct saved_cwd *wd, char **argv)
{
  posix_spawn_file_actions_t fa;
  struct saved_cwd here;
  int err, moved = wd != initial_wd;

  if (moved && save_cwd (&here) != 0)
    openat_save_fail (errno);
  if (moved && restore_cwd (wd) != 0)
    {
      err = errno;
      error (0, err, _("Failed to change directory%s%s"),
             (wd->desc < 0 && wd->name) ? ": " : "",
             (wd->desc < 0 && wd->name) ? wd->name : "");
      free_cwd (&here);
      return err;
    }
  err = posix_spawn_file_actions_init (&fa);
  if (err == 0 && close_stdin)
    err = posix_spawn_file_actions_addopen (&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  if (err == 0)
    err = bc_args_exceed_testing_limit (argv) ? E2BIG
          : posix_spawnp (pid, argv[0], &fa, NULL, argv, environ);
  posix_spawn_file_actions_destroy (&fa);
  if (err != 0)
    error (0, err, "%s", safely_quote_err_filename (0, argv[0]));
  if (moved)
    {
      if (restore_cwd (&here) != 0)
        openat_restore_fail (errno);
      free_cwd (&here);
    }
  return err;
}
#endif

$1}s;
    s{\n(  child_pid = fork \(\);\n.*?return 0;\t\t/\* FAIL \*/\n\t\}\n    \}\n)}{\n#if !AGENTVM_SPAWN\n$1#else
  {
    if (agentvm_spawn (&child_pid, execp->close_stdin, execp->wd_for_exec, argv) != 0)
      execp->last_child_status = 1 << 8;	/* the forked child\x27s _exit (1) */
    else
      while (waitpid (child_pid, &(execp->last_child_status), 0) == (pid_t) -1)
        if (errno != EINTR)
          {
            error (0, errno, _("error waiting for %s"),
                   safely_quote_err_filename (0, argv[0]));
            state.exit_status = EXIT_FAILURE;
            return 0;		/* FAIL */
          }
  }
#endif
}s;
  ' find/exec.c
  grep -q '^agentvm_spawn (pid_t \*pid' find/exec.c
  grep -q '^#if !AGENTVM_SPAWN$' find/exec.c
  grep -q '^#include "openat.h"' find/exec.c || sed -i 's/^#include "save-cwd.h"$/&\n#include "openat.h"/' find/exec.c

  # xargs/xargs.c: pipe + fork + child + errno pipe -> posix_spawnp.
  perl -0pi -e '
    s{\n(static int\nxargs_do_exec \()}{\n#if AGENTVM_SPAWN
/* agentvm build-time edit (wasm/README.md): WASM cannot fork, so the command is started
   with posix_spawnp. What the forked child did before execvp is done here: the slot
   variable (--process-slot-var) for the slot add_proc will take, and stdin from
   /dev/null (or /dev/tty for -o) unless -a/--arg-file keeps it. */
#include <spawn.h>
extern char **environ;
static unsigned int add_proc (pid_t pid);
static int
agentvm_spawn (pid_t *pid, char **argv)
{
  posix_spawn_file_actions_t fa;
  unsigned int slot;
  int err;

  for (slot = 0; slot < pids_alloc && pids[slot]; slot++)
    ;
  set_slot_var (slot);
  err = posix_spawn_file_actions_init (&fa);
  if (err == 0 && (!keep_stdin || open_tty))
    {
      const char *inputfile = open_tty ? "/dev/tty" : "/dev/null";
      int fd = open (inputfile, O_RDONLY);
      if (fd < 0)
        {
          if (open_tty)
            die (EXIT_FAILURE, errno, "%s",
                 quotearg_n_style (0, locale_quoting_style, inputfile));
          error (0, errno, "%s",
                 quotearg_n_style (0, locale_quoting_style, inputfile));
          err = posix_spawn_file_actions_addclose (&fa, STDIN_FILENO);
        }
      else
        {
          close (fd);
          err = posix_spawn_file_actions_addopen (&fa, STDIN_FILENO, inputfile, O_RDONLY, 0);
        }
    }
  if (err == 0)
    err = bc_args_exceed_testing_limit (argv) ? E2BIG
          : posix_spawnp (pid, argv[0], &fa, NULL, argv, environ);
  posix_spawn_file_actions_destroy (&fa);
  return err;
}
#endif

$1}s;
    s{\n(      if \(pipe \(fd\)\)\n.*?\n      close \(fd\[0\]\);\n)}{\n#if !AGENTVM_SPAWN\n$1#else
      {
        int err;
        while ((err = agentvm_spawn (&child, argv)) == EAGAIN && procs_executing)
          wait_for_proc (false, 1u);
        if (err == E2BIG)
          return 0;		/* Failure; caller should pass fewer args */
        if (err != 0)
          {
            /* what the forked child and the parent reported */
            error (0, err, "%s", argv[0]);
            exit (err == ENOENT ? XARGS_EXIT_COMMAND_NOT_FOUND
                  : XARGS_EXIT_COMMAND_CANNOT_BE_RUN);
          }
        add_proc (child);
      }
#endif
}s;
  ' xargs/xargs.c
  grep -q '^agentvm_spawn (pid_t \*pid, char \*\*argv)' xargs/xargs.c
  grep -q '^#if !AGENTVM_SPAWN$' xargs/xargs.c
}

recipe_configure() {
  sed -i 's/^# ifdef S_IFSOCK$/# if defined S_IFSOCK \&\& S_IFSOCK != S_IFIFO/' find/pred.c
  grep -q '^# if defined S_IFSOCK && S_IFSOCK != S_IFIFO$' find/pred.c
  spawn_edits; autoreconf -fi >/dev/null; wasm_configure "$PWD" --without-fts-leafopt
}
recipe_make() {
  local m=(make -j"${MAKE_JOBS:-1}" CFLAGS="$WASM_CFLAGS $SPAWN")
  "${m[@]}" -C gl && "${m[@]}" -C lib && "${m[@]}" -C find find && "${m[@]}" -C xargs xargs
}
recipe_emit() { emit find/find find find; emit xargs/xargs xargs xargs; }
