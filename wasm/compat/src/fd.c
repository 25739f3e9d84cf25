/* agentvm compat: descriptors backed by the kernel fd table — dup/dup2/dup3 (one shared open
 * file description, as on Linux), fcntl (wasi-libc's plus F_DUPFD[_CLOEXEC] and a real
 * FD_CLOEXEC), pipe/pipe2, ioctl (terminal size, termios, foreground group, FIONREAD/FIONBIO).
 * Replaces wasi-libc's fcntl.o and ioctl.o (one function each). fd numbers are the program's
 * (WASI) numbers: fd 3 is the preopened "/" (dup of it opens "/"; it cannot be a dup2 target).
 * Without the agentvm module: a directory fd is duplicated by opening "." relative to it (what
 * gnulib's fts needs), F_GETFD reports FD_CLOEXEC, other dups and pipes fail with ENOSYS. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/api.h>
#include "agentvm.h"

int __agentvm_set_errno(int e) {
  if (e == 0) return 0;
  errno = e;
  return -1;
}

/* Preview1-only duplicate of a directory fd: a new description of the same directory. */
static int dup_dir_fallback(int fd, int min) {
  struct stat st;
  if (fstat(fd, &st) != 0) return -1;
  if (!S_ISDIR(st.st_mode)) { errno = ENOSYS; return -1; }
  int copy = openat(fd, ".", O_RDONLY | O_DIRECTORY);
  if (copy < 0 || copy >= min) return copy;
  for (int target = min; ; target++) {          /* move it to the lowest free number >= min */
    if (fstat(target, &st) == 0) continue;
    if (__wasi_fd_renumber(copy, target) != 0) { close(copy); errno = EBADF; return -1; }
    return target;
  }
}

static int dup_min(int fd, int min, int cloexec) {
  if (min < 0) { errno = EINVAL; return -1; }
  int out, e = __agentvm_fd_dup(fd, min, cloexec, &out);
  if (e == ENOSYS) return dup_dir_fallback(fd, min);
  return e ? __agentvm_set_errno(e) : out;
}

int dup(int fd) { return dup_min(fd, 0, 0); }

static int dup_to(int fd, int target, int cloexec) {
  int e = __agentvm_fd_dup2(fd, target, cloexec);
  if (e == ENOSYS) {                            /* preview1: move a duplicate into place */
    int copy = dup_dir_fallback(fd, 0);
    if (copy < 0) return -1;
    if ((e = __wasi_fd_renumber(copy, target)) != 0) { close(copy); return __agentvm_set_errno(e); }
    return target;
  }
  return e ? __agentvm_set_errno(e) : target;
}

int dup2(int fd, int target) {
  if (fd == target) return fcntl(fd, F_GETFD) < 0 ? -1 : target;
  return dup_to(fd, target, 0);
}

int dup3(int fd, int target, int flags) {
  if (fd == target || (flags & ~O_CLOEXEC)) { errno = EINVAL; return -1; }
  return dup_to(fd, target, (flags & O_CLOEXEC) != 0);
}

/* wasi-libc's fcntl() (F_GETFL/F_SETFL over fdstat) plus F_DUPFD, F_DUPFD_CLOEXEC and
 * F_GETFD/F_SETFD from the kernel. gnulib's rpl_fcntl calls this one for F_DUPFD. */
int fcntl(int fd, int cmd, ...) {
  va_list ap;
  va_start(ap, cmd);
  int arg = va_arg(ap, int);
  va_end(ap);
  __wasi_fdstat_t st;
  int e, v;
  switch (cmd) {
    case F_DUPFD: return dup_min(fd, arg, 0);
    case F_DUPFD_CLOEXEC: return dup_min(fd, arg, 1);
    case F_GETFD:
      e = __agentvm_fd_getfd(fd, &v);
      if (e == ENOSYS) {                        /* preview1: nothing is inherited */
        if ((e = __wasi_fd_fdstat_get(fd, &st)) != 0) return __agentvm_set_errno(e);
        return FD_CLOEXEC;
      }
      return e ? __agentvm_set_errno(e) : v;
    case F_SETFD:
      e = __agentvm_fd_setfd(fd, arg & FD_CLOEXEC);
      if (e == ENOSYS) e = __wasi_fd_fdstat_get(fd, &st);
      return __agentvm_set_errno(e);
    case F_GETFL: {
      if ((e = __wasi_fd_fdstat_get(fd, &st)) != 0) return __agentvm_set_errno(e);
      int fl = st.fs_flags;  /* wasi-libc's O_APPEND/O_DSYNC/O_NONBLOCK/O_RSYNC/O_SYNC are the WASI fdflags */
      int r = (st.fs_rights_base & (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_READDIR)) != 0;
      int w = (st.fs_rights_base & __WASI_RIGHTS_FD_WRITE) != 0;
      return fl | (r && w ? O_RDWR : r ? O_RDONLY : w ? O_WRONLY : O_SEARCH);
    }
    case F_SETFL:
      return __agentvm_set_errno(__wasi_fd_fdstat_set_flags(fd, arg & (O_APPEND | O_DSYNC | O_NONBLOCK | O_RSYNC | O_SYNC)));
    default:
      errno = EINVAL;
      return -1;
  }
}

int pipe2(int fds[2], int flags) {
  if (flags & ~(O_CLOEXEC | O_NONBLOCK)) { errno = EINVAL; return -1; }
  int lf = (flags & O_CLOEXEC ? AV_O_CLOEXEC : 0) | (flags & O_NONBLOCK ? AV_O_NONBLOCK : 0);
  return __agentvm_set_errno(__agentvm_fd_pipe(lf, fds));
}

int pipe(int fds[2]) { return pipe2(fds, 0); }

/* ioctl: the terminal requests of <sys/ioctl.h> (Linux numbers) plus wasi-libc's FIONREAD (1)
 * and FIONBIO (2). TCFLSH takes its queue selector as the argument itself. */
int ioctl(int fd, int request, ...) {
  va_list ap;
  va_start(ap, request);
  void *arg = va_arg(ap, void *);
  va_end(ap);
  if (request == 1) request = 0x541b;           /* wasi-libc FIONREAD */
  else if (request == 2) request = 0x5421;      /* wasi-libc FIONBIO */
  int e = __agentvm_fd_ioctl(fd, request, arg);
  if (e == ENOSYS && request == 0x5421) {       /* preview1: FIONBIO through the fd flags */
    __wasi_fdstat_t st;
    if ((e = __wasi_fd_fdstat_get(fd, &st)) == 0) {
      int fl = *(int *)arg ? st.fs_flags | __WASI_FDFLAGS_NONBLOCK : st.fs_flags & ~__WASI_FDFLAGS_NONBLOCK;
      e = __wasi_fd_fdstat_set_flags(fd, (__wasi_fdflags_t)fl);
    }
  }
  return __agentvm_set_errno(e);
}

/* The kernel's per-process limit is RLIMIT_NOFILE; report the libc's _SC_OPEN_MAX. */
int getdtablesize(void) { long n = sysconf(_SC_OPEN_MAX); return n > 0 && n < 0x7fffffff ? (int)n : 1024; }

/* stdio locking: WASI processes are single-threaded, so a lock is always free. */
void flockfile(FILE *f) { (void)f; }
int ftrylockfile(FILE *f) { (void)f; return 0; }
void funlockfile(FILE *f) { (void)f; }
