/* agentvm compat: wasi-libc's path front ends — every symbol of its posix.o and at_fdcwd.o
 * (except the 2-argument opendirat, which gnulib replaces anyway), so neither object is ever
 * linked. Why: wasi-libc drops the mode of open/openat/creat/mkdir/mkdirat (preview1's
 * path_open has none) and has no O_CLOEXEC; here they reach the kernel with their mode (the
 * umask applies) and Linux flags. access/faccessat check the kernel's permissions for the
 * process's uid (wasi-libc only checked existence). Everything else resolves the path exactly
 * as wasi-libc does (its cwd string + the preopened "/", see cwd.c) and calls the same
 * __wasilibc_nocwd_* function. Without the agentvm module, open/mkdir/access fall back to
 * wasi-libc's own calls. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>
#include <wasi/api.h>
#include <wasi/libc.h>
#include <wasi/libc-nocwd.h>
#include "agentvm.h"

int __wasilibc_find_relpath_alloc(const char *path, const char **abs, char **relative,
                                  size_t *relative_len, int can_realloc);   /* cwd.c */

/* (dirfd, relative path) for a path, like wasi-libc's; two buffers for two-path calls. */
static int find_relpath(const char *path, char **relative) {
  static char *buf;
  static size_t len;
  const char *abs;
  int fd = __wasilibc_find_relpath_alloc(path, &abs, &buf, &len, 1);
  *relative = buf;
  return fd;
}
static int find_relpath_alt(const char *path, char **relative) {
  static char *buf;
  static size_t len;
  const char *abs;
  int fd = __wasilibc_find_relpath_alloc(path, &abs, &buf, &len, 1);
  *relative = buf;
  return fd;
}

/* wasi-libc open flags -> Linux open flags (-1 when the access mode is invalid). */
int __agentvm_oflags(int o) {
  int lf;
  switch (o & O_ACCMODE) {
    case O_RDONLY: case O_SEARCH: case O_EXEC: lf = 0; break;
    case O_WRONLY: lf = AV_O_WRONLY; break;
    case O_RDWR: lf = AV_O_RDWR; break;
    default: return -1;
  }
  if (o & O_CREAT) lf |= AV_O_CREAT;
  if (o & O_EXCL) lf |= AV_O_EXCL;
  if (o & O_TRUNC) lf |= AV_O_TRUNC;
  if (o & O_DIRECTORY) lf |= AV_O_DIRECTORY;
  if (o & O_APPEND) lf |= AV_O_APPEND;
  if (o & O_NONBLOCK) lf |= AV_O_NONBLOCK;
  if (o & O_NOFOLLOW) lf |= AV_O_NOFOLLOW;
  if (o & O_CLOEXEC) lf |= AV_O_CLOEXEC;
  return lf;
}

static int open_at(int dirfd, const char *path, int oflag, mode_t mode) {
  int lf = __agentvm_oflags(oflag);
  if (lf < 0) { errno = EINVAL; return -1; }
  int fd, e = __agentvm_path_open(dirfd, path, strlen(path), lf, mode, &fd);
  if (e == ENOSYS) return __wasilibc_nocwd_openat_nomode(dirfd, path, oflag);
  return e ? __agentvm_set_errno(e) : fd;
}
static int open_mode(const char *path, int oflag, mode_t mode) {
  char *rel;
  int dirfd = find_relpath(path, &rel);
  return dirfd == -1 ? -1 : open_at(dirfd, rel, oflag, mode);
}
static mode_t mode_arg(int oflag, va_list ap) {
  return oflag & O_CREAT ? (mode_t)va_arg(ap, unsigned) : 0;
}
int open(const char *path, int oflag, ...) {
  va_list ap;
  va_start(ap, oflag);
  mode_t mode = mode_arg(oflag, ap);
  va_end(ap);
  return open_mode(path, oflag, mode);
}
int __wasilibc_open_nomode(const char *path, int oflag) { return open_mode(path, oflag, 0666); }
int openat(int dirfd, const char *path, int oflag, ...) {
  va_list ap;
  va_start(ap, oflag);
  mode_t mode = mode_arg(oflag, ap);
  va_end(ap);
  if (dirfd == AT_FDCWD || path[0] == '/') return open_mode(path, oflag, mode);
  return open_at(dirfd, path, oflag, mode);
}

static int mkdir_at(int dirfd, const char *path, mode_t mode) {
  int e = __agentvm_path_mkdir(dirfd, path, strlen(path), mode);
  if (e == ENOSYS) return __wasilibc_nocwd_mkdirat_nomode(dirfd, path);
  return __agentvm_set_errno(e);
}
int mkdir(const char *path, mode_t mode) {
  char *rel;
  int dirfd = find_relpath(path, &rel);
  return dirfd == -1 ? -1 : mkdir_at(dirfd, rel, mode);
}
int mkdirat(int dirfd, const char *path, mode_t mode) {
  if (dirfd == AT_FDCWD || path[0] == '/') return mkdir(path, mode);
  return mkdir_at(dirfd, path, mode);
}

static int access_at(int dirfd, const char *path, int amode, int flags) {
  if (amode & ~(R_OK | W_OK | X_OK)) { errno = EINVAL; return -1; }
  if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW)) { errno = EINVAL; return -1; }
  int e = __agentvm_path_access(dirfd, path, strlen(path), amode, flags & AT_SYMLINK_NOFOLLOW ? AV_AT_SYMLINK_NOFOLLOW : 0);
  if (e == ENOSYS) return __wasilibc_nocwd_faccessat(dirfd, path, amode, flags);
  return __agentvm_set_errno(e);
}
int __wasilibc_access(const char *path, int amode, int flags) {
  char *rel;
  int dirfd = find_relpath(path, &rel);
  return dirfd == -1 ? -1 : access_at(dirfd, rel, amode, flags);
}
int access(const char *path, int amode) { return __wasilibc_access(path, amode, 0); }
int faccessat(int dirfd, const char *path, int amode, int flags) {
  if (dirfd == AT_FDCWD || path[0] == '/') return __wasilibc_access(path, amode, flags);
  return access_at(dirfd, path, amode, flags);
}

int __wasilibc_stat(const char *restrict path, struct stat *restrict st, int flags) {
  char *rel;
  int dirfd = find_relpath(path, &rel);
  return dirfd == -1 ? -1 : __wasilibc_nocwd_fstatat(dirfd, rel, st, flags);
}
int stat(const char *restrict path, struct stat *restrict st) { return __wasilibc_stat(path, st, 0); }
int lstat(const char *restrict path, struct stat *restrict st) { return __wasilibc_stat(path, st, AT_SYMLINK_NOFOLLOW); }
int fstatat(int dirfd, const char *restrict path, struct stat *restrict st, int flags) {
  if (dirfd == AT_FDCWD || path[0] == '/') return __wasilibc_stat(path, st, flags);
  return __wasilibc_nocwd_fstatat(dirfd, path, st, flags);
}

/* utimensat/futimens: wasi-libc (Debian 0.0~git20220510) compares tv_nsec with its internal
 * UTIME_NOW (-1) while <sys/stat.h> gives programs musl's 0x3fffffff, and maps times == NULL to
 * "set both to 0": `touch f` dated files 1970. Both spellings are understood here; NULL is now. */
static int is_now(long ns) { return ns == UTIME_NOW || ns == -1; }
static int is_omit(long ns) { return ns == UTIME_OMIT || ns == -2; }
static int wasi_times(const struct timespec t[2], __wasi_timestamp_t ts[2], __wasi_fstflags_t *fl) {
  *fl = 0;
  ts[0] = ts[1] = 0;
  if (!t) { *fl = __WASI_FSTFLAGS_ATIM_NOW | __WASI_FSTFLAGS_MTIM_NOW; return 0; }
  for (int i = 0; i < 2; i++) {
    long ns = t[i].tv_nsec;
    if (is_now(ns)) *fl |= i ? __WASI_FSTFLAGS_MTIM_NOW : __WASI_FSTFLAGS_ATIM_NOW;
    else if (is_omit(ns)) continue;
    else if (ns < 0 || ns >= 1000000000 || t[i].tv_sec < 0) { errno = EINVAL; return -1; }
    else { *fl |= i ? __WASI_FSTFLAGS_MTIM : __WASI_FSTFLAGS_ATIM; ts[i] = (__wasi_timestamp_t)t[i].tv_sec * 1000000000ull + (__wasi_timestamp_t)ns; }
  }
  return 0;
}
static int utimens_at(int dirfd, const char *rel, const struct timespec times[2], int flags) {
  __wasi_timestamp_t ts[2];
  __wasi_fstflags_t fl;
  if (wasi_times(times, ts, &fl) != 0) return -1;
  __wasi_lookupflags_t look = flags & AT_SYMLINK_NOFOLLOW ? 0 : __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW;
  __wasi_errno_t e = __wasi_path_filestat_set_times(dirfd, look, rel, ts[0], ts[1], fl);
  if (e) { errno = e; return -1; }
  return 0;
}
int __wasilibc_utimens(const char *path, const struct timespec times[2], int flags) {
  char *rel;
  int dirfd = find_relpath(path, &rel);
  return dirfd == -1 ? -1 : utimens_at(dirfd, rel, times, flags);
}
int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags) {
  if (dirfd == AT_FDCWD || path[0] == '/') return __wasilibc_utimens(path, times, flags);
  return utimens_at(dirfd, path, times, flags);
}
int futimens(int fd, const struct timespec times[2]) {
  __wasi_timestamp_t ts[2];
  __wasi_fstflags_t fl;
  if (wasi_times(times, ts, &fl) != 0) return -1;
  __wasi_errno_t e = __wasi_fd_filestat_set_times(fd, ts[0], ts[1], fl);
  if (e) { errno = e; return -1; }
  return 0;
}
int utime(const char *path, const struct utimbuf *t) {
  struct timespec ts[2] = { { .tv_sec = t ? t->actime : 0 }, { .tv_sec = t ? t->modtime : 0 } };
  return __wasilibc_utimens(path, t ? ts : NULL, 0);
}
int utimes(const char *path, const struct timeval tv[2]) {
  struct timespec ts[2];
  if (tv) {
    ts[0].tv_sec = tv[0].tv_sec; ts[0].tv_nsec = tv[0].tv_usec * 1000;
    ts[1].tv_sec = tv[1].tv_sec; ts[1].tv_nsec = tv[1].tv_usec * 1000;
  }
  return __wasilibc_utimens(path, tv ? ts : NULL, 0);
}

ssize_t readlinkat(int dirfd, const char *restrict path, char *restrict buf, size_t size) {
  if (dirfd == AT_FDCWD || path[0] == '/') return readlink(path, buf, size);
  return __wasilibc_nocwd_readlinkat(dirfd, path, buf, size);
}
ssize_t readlink(const char *restrict path, char *restrict buf, size_t size) {
  char *rel;
  int dirfd = find_relpath(path, &rel);
  return dirfd == -1 ? -1 : __wasilibc_nocwd_readlinkat(dirfd, rel, buf, size);
}

int __wasilibc_unlinkat(int dirfd, const char *path) {
  if (dirfd == AT_FDCWD || path[0] == '/') return unlink(path);
  return __wasilibc_nocwd___wasilibc_unlinkat(dirfd, path);
}
int unlink(const char *path) {
  char *rel;
  int dirfd = find_relpath(path, &rel);
  return dirfd == -1 ? -1 : __wasilibc_nocwd___wasilibc_unlinkat(dirfd, rel);
}
int __wasilibc_rmdirat(int dirfd, const char *path) {
  if (dirfd == AT_FDCWD || path[0] == '/') return rmdir(path);
  return __wasilibc_nocwd___wasilibc_rmdirat(dirfd, path);
}
int rmdir(const char *path) {
  char *rel;
  int dirfd = find_relpath(path, &rel);
  return dirfd == -1 ? -1 : __wasilibc_nocwd___wasilibc_rmdirat(dirfd, rel);
}
int remove(const char *path) {
  char *rel;
  int dirfd = find_relpath(path, &rel);
  if (dirfd == -1) return -1;
  int r = __wasilibc_nocwd___wasilibc_unlinkat(dirfd, rel);
  if (r != 0 && (errno == EISDIR || errno == EPERM)) r = __wasilibc_nocwd___wasilibc_rmdirat(dirfd, rel);
  return r;
}

DIR *opendir(const char *path) {
  char *rel;
  int dirfd = find_relpath(path, &rel);
  return dirfd == -1 ? NULL : __wasilibc_nocwd_opendirat(dirfd, rel);
}
int scandir(const char *restrict path, struct dirent ***restrict list, int (*filter)(const struct dirent *),
            int (*compar)(const struct dirent **, const struct dirent **)) {
  char *rel;
  int dirfd = find_relpath(path, &rel);
  return dirfd == -1 ? -1 : __wasilibc_nocwd_scandirat(dirfd, rel, list, filter, compar);
}
int scandirat(int dirfd, const char *path, struct dirent ***list, int (*filter)(const struct dirent *),
              int (*compar)(const struct dirent **, const struct dirent **)) {
  if (dirfd == AT_FDCWD || path[0] == '/') return scandir(path, list, filter, compar);
  return __wasilibc_nocwd_scandirat(dirfd, path, list, filter, compar);
}

int symlinkat(const char *target, int dirfd, const char *path) {
  if (dirfd == AT_FDCWD || path[0] == '/') return symlink(target, path);
  return __wasilibc_nocwd_symlinkat(target, dirfd, path);
}
int symlink(const char *target, const char *path) {
  char *rel;
  int dirfd = find_relpath(path, &rel);
  return dirfd == -1 ? -1 : __wasilibc_nocwd_symlinkat(target, dirfd, rel);
}

int __wasilibc_link(const char *old, const char *new, int flags) {
  char *orel, *nrel;
  int ofd = find_relpath_alt(old, &orel);
  if (ofd == -1) return -1;
  int nfd = find_relpath(new, &nrel);
  return nfd == -1 ? -1 : __wasilibc_nocwd_linkat(ofd, orel, nfd, nrel, flags);
}
int __wasilibc_link_oldat(int olddirfd, const char *old, const char *new, int flags) {
  char *nrel;
  int nfd = find_relpath(new, &nrel);
  return nfd == -1 ? -1 : __wasilibc_nocwd_linkat(olddirfd, old, nfd, nrel, flags);
}
int __wasilibc_link_newat(const char *old, int newdirfd, const char *new, int flags) {
  char *orel;
  int ofd = find_relpath_alt(old, &orel);
  return ofd == -1 ? -1 : __wasilibc_nocwd_linkat(ofd, orel, newdirfd, new, flags);
}
int link(const char *old, const char *new) { return __wasilibc_link(old, new, 0); }
int linkat(int olddirfd, const char *old, int newdirfd, const char *new, int flags) {
  int oc = olddirfd == AT_FDCWD || old[0] == '/', nc = newdirfd == AT_FDCWD || new[0] == '/';
  if (oc && nc) return __wasilibc_link(old, new, flags);
  if (oc) return __wasilibc_link_newat(old, newdirfd, new, flags);
  if (nc) return __wasilibc_link_oldat(olddirfd, old, new, flags);
  return __wasilibc_nocwd_linkat(olddirfd, old, newdirfd, new, flags);
}

int rename(const char *old, const char *new) {
  char *orel, *nrel;
  int ofd = find_relpath_alt(old, &orel);
  if (ofd == -1) return -1;
  int nfd = find_relpath(new, &nrel);
  return nfd == -1 ? -1 : __wasilibc_nocwd_renameat(ofd, orel, nfd, nrel);
}
int __wasilibc_rename_oldat(int olddirfd, const char *old, const char *new) {
  char *nrel;
  int nfd = find_relpath(new, &nrel);
  return nfd == -1 ? -1 : __wasilibc_nocwd_renameat(olddirfd, old, nfd, nrel);
}
int __wasilibc_rename_newat(const char *old, int newdirfd, const char *new) {
  char *orel;
  int ofd = find_relpath_alt(old, &orel);
  return ofd == -1 ? -1 : __wasilibc_nocwd_renameat(ofd, orel, newdirfd, new);
}
int renameat(int olddirfd, const char *old, int newdirfd, const char *new) {
  int oc = olddirfd == AT_FDCWD || old[0] == '/', nc = newdirfd == AT_FDCWD || new[0] == '/';
  if (oc && nc) return rename(old, new);
  if (oc) return __wasilibc_rename_newat(old, newdirfd, new);
  if (nc) return __wasilibc_rename_oldat(olddirfd, old, new);
  return __wasilibc_nocwd_renameat(olddirfd, old, newdirfd, new);
}
