/* agentvm compat: processes. exec* replaces the program in the same kernel process (same
 * pid, close-on-exec fds closed, ignored signals kept; execvp searches $PATH and runs a file
 * without #! as a /bin/sh script). fork/vfork cannot exist: a suspended WebAssembly stack
 * cannot be duplicated, so they fail with ENOSYS — use posix_spawn (spawn.c), system or popen.
 * wait/waitpid report Linux status words (WIFEXITED & co. in <sys/wait.h> work); ids and
 * process groups come from the kernel. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "agentvm.h"

extern char **environ;

pid_t fork(void) { errno = ENOSYS; return -1; }
pid_t vfork(void) { errno = ENOSYS; return -1; }

static size_t count(char *const *v) {
  size_t n = 0;
  if (v) while (v[n]) n++;
  return n;
}

int execve(const char *path, char *const argv[], char *const envp[]) {
  if (!envp) envp = environ;
  return __agentvm_set_errno(__agentvm_proc_exec(path, strlen(path), argv, count(argv), envp, count(envp)));
}
int execv(const char *path, char *const argv[]) { return execve(path, argv, environ); }

static int exec_sh(const char *file, char *const argv[], char *const envp[]) {
  size_t n = count(argv);
  char **v = malloc((n + 3) * sizeof *v);
  if (!v) { errno = ENOMEM; return -1; }
  v[0] = "sh";
  v[1] = (char *)file;
  for (size_t i = 1; i < n; i++) v[i + 1] = argv[i];
  v[n > 0 ? n + 1 : 2] = NULL;
  execve("/bin/sh", v, envp);
  free(v);
  return -1;
}

int execvpe(const char *file, char *const argv[], char *const envp[]) {
  if (!*file) { errno = ENOENT; return -1; }
  if (strchr(file, '/')) {
    execve(file, argv, envp);
    return errno == ENOEXEC ? exec_sh(file, argv, envp) : -1;
  }
  const char *path = getenv("PATH");
  if (!path) path = "/bin:/usr/bin";
  size_t fl = strlen(file);
  char *buf = malloc(strlen(path) + fl + 2);
  if (!buf) { errno = ENOMEM; return -1; }
  int seen_eacces = 0;
  for (const char *p = path; ; ) {
    const char *z = strchr(p, ':');
    size_t dl = z ? (size_t)(z - p) : strlen(p);
    memcpy(buf, p, dl);
    if (dl) buf[dl++] = '/';
    memcpy(buf + dl, file, fl + 1);
    execve(buf, argv, envp);
    if (errno == ENOEXEC) exec_sh(buf, argv, envp);
    if (errno == EACCES) seen_eacces = 1;
    else if (errno != ENOENT && errno != ENOTDIR) break;
    if (!z) { errno = seen_eacces ? EACCES : ENOENT; break; }
    p = z + 1;
  }
  free(buf);
  return -1;
}
int execvp(const char *file, char *const argv[]) { return execvpe(file, argv, environ); }

/* execl family: the variadic argument list (up to NULL) as an argv array. */
#define COLLECT(arg0, ap, argv)                                     \
  size_t n_ = 1;                                                    \
  va_start(ap, arg0);                                               \
  while (va_arg(ap, char *)) n_++;                                  \
  va_end(ap);                                                       \
  char **argv = malloc((n_ + 1) * sizeof *argv);                   \
  if (!argv) { errno = ENOMEM; return -1; }                         \
  argv[0] = (char *)arg0;                                           \
  va_start(ap, arg0);                                               \
  for (size_t i_ = 1; i_ <= n_; i_++) argv[i_] = va_arg(ap, char *);

int execl(const char *path, const char *arg0, ...) {
  va_list ap;
  COLLECT(arg0, ap, argv)
  va_end(ap);
  execve(path, argv, environ);
  free(argv);
  return -1;
}
int execlp(const char *file, const char *arg0, ...) {
  va_list ap;
  COLLECT(arg0, ap, argv)
  va_end(ap);
  execvpe(file, argv, environ);
  free(argv);
  return -1;
}
int execle(const char *path, const char *arg0, ...) {
  va_list ap;
  COLLECT(arg0, ap, argv)
  char *const *envp = va_arg(ap, char *const *);
  va_end(ap);
  execve(path, argv, envp);
  free(argv);
  return -1;
}

pid_t waitpid(pid_t pid, int *status, int options) {
  int st = 0, out = 0;
  int e = __agentvm_proc_wait(pid, options, &st, &out);
  if (e == ENOSYS) e = ECHILD;                  /* no kernel: there are no children */
  if (e) return __agentvm_set_errno(e);
  if (status && out > 0) *status = st;
  return out;
}
pid_t wait(int *status) { return waitpid(-1, status, 0); }

pid_t getpid(void) { int32_t v[8]; __agentvm_ids(v); return v[0]; }
pid_t getppid(void) { int32_t v[8]; __agentvm_ids(v); return v[1]; }
pid_t getpgrp(void) { int32_t v[8]; __agentvm_ids(v); return v[2]; }
pid_t getpgid(pid_t pid) {
  int out, e = __agentvm_proc_getpgid(pid, &out);
  if (e == ENOSYS && (pid == 0 || pid == getpid())) return getpgrp();
  return e ? __agentvm_set_errno(e) : out;
}
pid_t getsid(pid_t pid) {
  int out, e = __agentvm_proc_getsid(pid, &out);
  if (e == ENOSYS && (pid == 0 || pid == getpid())) { int32_t v[8]; __agentvm_ids(v); return v[3]; }
  return e ? __agentvm_set_errno(e) : out;
}
int setpgid(pid_t pid, pid_t pgid) {
  int e = __agentvm_proc_setpgid(pid, pgid);
  if (e == ENOSYS) {                            /* no kernel: one process, alone in its group */
    pid_t self = getpid();
    if ((pid == 0 || pid == self) && (pgid == 0 || pgid == self)) return 0;
    e = ESRCH;
  }
  return __agentvm_set_errno(e);
}
pid_t setsid(void) {
  int out, e = __agentvm_proc_setsid(&out);
  return e ? __agentvm_set_errno(e) : out;
}

/* No timer can deliver SIGALRM into a WASM process: alarm() reports no previous alarm and
 * schedules nothing (known gap: timeout(1)). */
unsigned alarm(unsigned s) { (void)s; return 0; }

/* The terminal's name from /proc/self/fd (kernel fd numbers: WASI n >= 4 is kernel n - 1). */
int ttyname_r(int fd, char *buf, size_t len) {
  if (!isatty(fd)) return errno == EBADF ? EBADF : ENOTTY;
  char link[40];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd < 3 ? fd : fd - 1);
  ssize_t n = readlink(link, buf, len);
  if (n < 0) return errno;
  if ((size_t)n >= len) return ERANGE;
  buf[n] = 0;
  return 0;
}
char *ttyname(int fd) {
  static char name[128];
  int e = ttyname_r(fd, name, sizeof name);
  if (e) { errno = e; return NULL; }
  return name;
}
/* wasi-libc keeps time in UTC only: there is no time zone to load. */
void tzset(void) {}
