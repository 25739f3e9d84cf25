/* agentvm compat: system() and popen()/pclose(), through /bin/sh -c as POSIX specifies.
 * system ignores SIGINT and SIGQUIT and blocks SIGCHLD while it waits (the child gets them
 * back at their defaults); if the shell cannot be started the status is that of exit(127).
 * popen's pipe end in the caller is close-on-exec, so later children never inherit it. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int system(const char *cmd) {
  if (!cmd) return access("/bin/sh", X_OK) == 0;
  struct sigaction ign = { .sa_handler = SIG_IGN }, oint, oquit;
  sigset_t block, omask, def;
  sigaction(SIGINT, &ign, &oint);
  sigaction(SIGQUIT, &ign, &oquit);
  sigemptyset(&block);
  sigaddset(&block, SIGCHLD);
  sigprocmask(SIG_BLOCK, &block, &omask);
  sigemptyset(&def);
  if (oint.sa_handler != SIG_IGN) sigaddset(&def, SIGINT);
  if (oquit.sa_handler != SIG_IGN) sigaddset(&def, SIGQUIT);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setsigdefault(&attr, &def);
  posix_spawnattr_setsigmask(&attr, &omask);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  char *argv[] = { "sh", "-c", (char *)cmd, NULL };
  pid_t pid;
  int status, e = posix_spawn(&pid, "/bin/sh", NULL, &attr, argv, environ);
  posix_spawnattr_destroy(&attr);
  if (e) status = 127 << 8;
  else {
    while (waitpid(pid, &status, 0) < 0) {
      if (errno != EINTR) { status = -1; break; }
    }
  }
  sigaction(SIGINT, &oint, NULL);
  sigaction(SIGQUIT, &oquit, NULL);
  sigprocmask(SIG_SETMASK, &omask, NULL);
  return status;
}

struct popen_entry { FILE *f; pid_t pid; struct popen_entry *next; };
static struct popen_entry *entries;

FILE *popen(const char *cmd, const char *mode) {
  int rd = mode[0] == 'r';
  if ((mode[0] != 'r' && mode[0] != 'w') || (mode[1] && (mode[1] != 'e' || mode[2]))) { errno = EINVAL; return NULL; }
  struct popen_entry *ent = malloc(sizeof *ent);
  if (!ent) return NULL;
  int p[2];
  if (pipe2(p, O_CLOEXEC) < 0) { free(ent); return NULL; }
  int mine = rd ? p[0] : p[1], theirs = rd ? p[1] : p[0];
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  int e = posix_spawn_file_actions_adddup2(&fa, theirs, rd ? 1 : 0);  /* also clears close-on-exec */
  char *argv[] = { "sh", "-c", (char *)cmd, NULL };
  pid_t pid;
  if (!e) e = posix_spawn(&pid, "/bin/sh", &fa, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  close(theirs);
  FILE *f = e ? NULL : fdopen(mine, rd ? "r" : "w");
  if (!f) {
    int saved = e ? e : errno;
    close(mine);
    if (!e) while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {}
    free(ent);
    errno = saved;
    return NULL;
  }
  ent->f = f;
  ent->pid = pid;
  ent->next = entries;
  entries = ent;
  return f;
}

int pclose(FILE *f) {
  struct popen_entry **pp = &entries, *ent;
  while ((ent = *pp) && ent->f != f) pp = &ent->next;
  if (!ent) { errno = ECHILD; return -1; }
  *pp = ent->next;
  pid_t pid = ent->pid;
  free(ent);
  fclose(f);
  int status;
  pid_t r;
  while ((r = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {}
  return r < 0 ? -1 : status;
}
