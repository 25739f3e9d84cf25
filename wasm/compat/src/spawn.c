/* agentvm compat: posix_spawn. The kernel starts the program (any program of the VM: the shell,
 * a JS utility, another WASM module) after applying the file actions, in order, to a copy of
 * the caller's fd table; close-on-exec fds are not inherited; the child's cwd is the caller's
 * (kernel) cwd unless a chdir action changes it. Errors come back from posix_spawn itself
 * (ENOENT when the program does not exist: no child is created).
 * posix_spawnp searches $PATH of the caller like execvp: ENOENT/ENOTDIR/EACCES move on to the
 * next directory, and a file the kernel cannot execute (ENOEXEC: no #! line) runs as a
 * /bin/sh script, as execvp does — the tools being ported used fork+execvp.
 * Attributes: SETPGROUP, SETSID and SETSIGDEF act; RESETIDS (uid == euid here), SETSIGMASK
 * (the child's libc starts unblocked anyway), SETSCHEDPARAM/SETSCHEDULER and USEVFORK are
 * accepted and have no effect (the policy is stored and read back). */
#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "agentvm.h"

extern char **environ;

static size_t count(char *const *v) {
  size_t n = 0;
  if (v) while (v[n]) n++;
  return n;
}

static int spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
                 const posix_spawnattr_t *at, char *const argv[], char *const envp[]) {
  struct agentvm_spawn_attr a = { 0 };
  if (at) {
    a.flags = (uint32_t)at->__flags;
    a.pgid = at->__pgrp;
    if (at->__flags & POSIX_SPAWN_SETSIGDEF) a.sigdefault = at->__def;
  }
  if (!envp) envp = environ;
  int p = 0;
  int e = __agentvm_proc_spawn(path, strlen(path), argv, count(argv), envp, count(envp),
                               fa ? fa->__actions : NULL, fa ? (size_t)fa->__used : 0, at ? &a : NULL, &p);
  if (e == 0 && pid) *pid = p;
  return e;
}

/* file as a /bin/sh script: sh file args... */
static int spawn_sh(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
                    const posix_spawnattr_t *at, char *const argv[], char *const envp[]) {
  size_t n = count(argv);
  char **v = malloc((n + 3) * sizeof *v);
  if (!v) return ENOMEM;
  v[0] = "sh";
  v[1] = (char *)file;
  for (size_t i = 1; i < n; i++) v[i + 1] = argv[i];
  v[n > 0 ? n + 1 : 2] = NULL;
  int e = spawn(pid, "/bin/sh", fa, at, v, envp);
  free(v);
  return e;
}

int posix_spawn(pid_t *restrict pid, const char *restrict path, const posix_spawn_file_actions_t *fa,
                const posix_spawnattr_t *restrict at, char *const argv[restrict], char *const envp[restrict]) {
  return spawn(pid, path, fa, at, argv, envp);
}

int posix_spawnp(pid_t *restrict pid, const char *restrict file, const posix_spawn_file_actions_t *fa,
                 const posix_spawnattr_t *restrict at, char *const argv[restrict], char *const envp[restrict]) {
  if (!*file) return ENOENT;
  if (strchr(file, '/')) {
    int e = spawn(pid, file, fa, at, argv, envp);
    return e == ENOEXEC ? spawn_sh(pid, file, fa, at, argv, envp) : e;
  }
  const char *path = getenv("PATH");
  if (!path) path = "/bin:/usr/bin";
  size_t fl = strlen(file);
  char *buf = malloc(strlen(path) + fl + 2);
  if (!buf) return ENOMEM;
  int seen_eacces = 0, e = ENOENT;
  for (const char *p = path; ; ) {
    const char *z = strchr(p, ':');
    size_t dl = z ? (size_t)(z - p) : strlen(p);
    memcpy(buf, p, dl);
    if (dl) buf[dl++] = '/';                     /* an empty entry is the cwd */
    memcpy(buf + dl, file, fl + 1);
    e = spawn(pid, buf, fa, at, argv, envp);
    if (e == ENOEXEC) e = spawn_sh(pid, buf, fa, at, argv, envp);
    if (e == 0 || (e != ENOENT && e != ENOTDIR && e != EACCES)) break;
    if (e == EACCES) seen_eacces = 1;
    if (!z) { e = seen_eacces ? EACCES : ENOENT; break; }
    p = z + 1;
  }
  free(buf);
  return e;
}

int posix_spawnattr_init(posix_spawnattr_t *a) { memset(a, 0, sizeof *a); return 0; }
int posix_spawnattr_destroy(posix_spawnattr_t *a) { (void)a; return 0; }
int posix_spawnattr_setflags(posix_spawnattr_t *a, short f) {
  if ((unsigned short)f & ~0xffu) return EINVAL;
  a->__flags = f;
  return 0;
}
int posix_spawnattr_getflags(const posix_spawnattr_t *restrict a, short *restrict f) { *f = (short)a->__flags; return 0; }
int posix_spawnattr_setpgroup(posix_spawnattr_t *a, pid_t g) { a->__pgrp = g; return 0; }
int posix_spawnattr_getpgroup(const posix_spawnattr_t *restrict a, pid_t *restrict g) { *g = a->__pgrp; return 0; }
int posix_spawnattr_setsigmask(posix_spawnattr_t *restrict a, const sigset_t *restrict m) { a->__mask = *m; return 0; }
int posix_spawnattr_getsigmask(const posix_spawnattr_t *restrict a, sigset_t *restrict m) { *m = a->__mask; return 0; }
int posix_spawnattr_setsigdefault(posix_spawnattr_t *restrict a, const sigset_t *restrict m) { a->__def = *m; return 0; }
int posix_spawnattr_getsigdefault(const posix_spawnattr_t *restrict a, sigset_t *restrict m) { *m = a->__def; return 0; }
int posix_spawnattr_setschedpolicy(posix_spawnattr_t *a, int p) { a->__pol = p; return 0; }
int posix_spawnattr_getschedpolicy(const posix_spawnattr_t *restrict a, int *restrict p) { *p = a->__pol; return 0; }

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa) { memset(fa, 0, sizeof *fa); return 0; }
int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa) {
  struct agentvm_spawn_action *a = fa->__actions;
  for (int i = 0; i < fa->__used; i++) free((void *)a[i].path);
  free(a);
  memset(fa, 0, sizeof *fa);
  return 0;
}
static int add(posix_spawn_file_actions_t *fa, uint32_t kind, int fd, int arg, mode_t mode, const char *path) {
  if (fa->__used == fa->__cap) {
    int cap = fa->__cap ? fa->__cap * 2 : 4;
    void *n = realloc(fa->__actions, (size_t)cap * sizeof(struct agentvm_spawn_action));
    if (!n) return ENOMEM;
    fa->__actions = n;
    fa->__cap = cap;
  }
  char *p = NULL;
  if (path && !(p = strdup(path))) return ENOMEM;
  struct agentvm_spawn_action *a = (struct agentvm_spawn_action *)fa->__actions + fa->__used++;
  a->kind = kind;
  a->fd = fd;
  a->arg = arg;
  a->mode = mode;
  a->path = p;
  a->path_len = p ? (uint32_t)strlen(p) : 0;
  return 0;
}
int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *fa, int fd) {
  return fd < 0 ? EBADF : add(fa, 1, fd, 0, 0, NULL);
}
int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd, int newfd) {
  return fd < 0 || newfd < 0 ? EBADF : add(fa, 2, newfd, fd, 0, NULL);
}
int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *restrict fa, int fd, const char *restrict path,
                                     int oflag, mode_t mode) {
  if (fd < 0) return EBADF;
  int lf = __agentvm_oflags(oflag);
  return lf < 0 ? EINVAL : add(fa, 3, fd, lf, mode, path);
}
int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *restrict fa, const char *restrict path) {
  return add(fa, 4, 0, 0, 0, path);
}
int posix_spawn_file_actions_addfchdir_np(posix_spawn_file_actions_t *fa, int fd) {
  return fd < 0 ? EBADF : add(fa, 5, fd, 0, 0, NULL);
}
