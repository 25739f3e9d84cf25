/* agentvm compat: dup/dup2 and fcntl() (replaces wasi-libc's, adding F_DUPFD[_CLOEXEC]).
 * WASI preview1 cannot duplicate a descriptor (fd_renumber moves it). A directory
 * descriptor can be duplicated faithfully by opening "." relative to it (what gnulib's
 * fts and save-cwd need); anything else fails with ENOSYS until the kernel offers dup. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/api.h>

int dup(int fd) {
  struct stat st;
  if (fstat(fd, &st) != 0) return -1;
  if (!S_ISDIR(st.st_mode)) { errno = ENOSYS; return -1; }
  return openat(fd, ".", O_RDONLY | O_DIRECTORY);
}
static int dup_min(int fd, int min) {
  int copy = dup(fd);
  if (copy < 0 || copy >= min) return copy;
  /* move it to the lowest free number >= min */
  for (int target = min; ; target++) {
    struct stat st;
    if (fstat(target, &st) == 0) continue;
    if (__wasi_fd_renumber(copy, target) != 0) { close(copy); errno = EBADF; return -1; }
    return target;
  }
}
int dup2(int fd, int target) {
  struct stat st;
  if (fstat(fd, &st) != 0) return -1;
  if (fd == target) return target;
  int copy = dup(fd);
  if (copy < 0) return -1;
  int e = __wasi_fd_renumber(copy, target);
  if (e != 0) { close(copy); errno = e; return -1; }
  return target;
}
/* wasi-libc's fcntl() plus F_DUPFD/F_DUPFD_CLOEXEC. gnulib's rpl_fcntl calls the
 * system fcntl() for F_DUPFD, so the system one itself must know it. */
int fcntl(int fd, int cmd, ...) {
  va_list ap;
  va_start(ap, cmd);
  int arg = va_arg(ap, int);
  va_end(ap);
  __wasi_fdstat_t st;
  __wasi_errno_t e;
  switch (cmd) {
    case F_DUPFD: case F_DUPFD_CLOEXEC:
      if (arg < 0) { errno = EINVAL; return -1; }
      return dup_min(fd, arg);
    case F_GETFD:                      /* no exec: close-on-exec is reported as set */
      if ((e = __wasi_fd_fdstat_get(fd, &st)) != 0) { errno = e; return -1; }
      return FD_CLOEXEC;
    case F_SETFD:
      if ((e = __wasi_fd_fdstat_get(fd, &st)) != 0) { errno = e; return -1; }
      return 0;
    case F_GETFL: {
      if ((e = __wasi_fd_fdstat_get(fd, &st)) != 0) { errno = e; return -1; }
      int fl = st.fs_flags;            /* wasi-libc's O_APPEND/O_DSYNC/O_NONBLOCK/O_RSYNC/O_SYNC are the WASI fdflags */
      int r = st.fs_rights_base & (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_READDIR);
      int w = st.fs_rights_base & __WASI_RIGHTS_FD_WRITE;
      fl |= r && w ? O_RDWR : r ? O_RDONLY : w ? O_WRONLY : O_SEARCH;
      return fl;
    }
    case F_SETFL:
      if ((e = __wasi_fd_fdstat_set_flags(fd, arg & (O_APPEND | O_DSYNC | O_NONBLOCK | O_RSYNC | O_SYNC))) != 0) { errno = e; return -1; }
      return 0;
    default:
      errno = EINVAL; return -1;
  }
}

/* WASI has no descriptor limit of its own; report the libc's _SC_OPEN_MAX. */
int getdtablesize(void) { long n = sysconf(_SC_OPEN_MAX); return n > 0 && n < 0x7fffffff ? (int)n : 1024; }

int pipe(int fds[2]) { (void)fds; errno = ENOSYS; return -1; }

/* stdio locking: WASI processes are single-threaded, so a lock is always free. */
#include <stdio.h>
void flockfile(FILE *f) { (void)f; }
int ftrylockfile(FILE *f) { (void)f; return 0; }
void funlockfile(FILE *f) { (void)f; }
