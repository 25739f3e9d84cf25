/* agentvm compat: user and group ids, umask, chmod/chown, from the kernel process and VFS.
 * The *at forms take the program's dirfd (AT_FDCWD: the kernel cwd, which cwd.c keeps equal
 * to wasi-libc's). Without the agentvm module: uid/gid 0 (what preview1 stat reports), a
 * process-local umask that nothing applies, chmod ENOSYS after the existence check (never a
 * silent success), chown to 0:0 only. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "agentvm.h"

static int kdir(int dirfd) { return dirfd == AT_FDCWD ? AV_AT_FDCWD : dirfd; }
static int kflags(int flags) { return flags & AT_SYMLINK_NOFOLLOW ? AV_AT_SYMLINK_NOFOLLOW : 0; }

static int exists_at(int dirfd, const char *p, int flags) {
  struct stat st;
  return fstatat(dirfd, p, &st, flags & AT_SYMLINK_NOFOLLOW);
}

mode_t umask(mode_t m) {
  static mode_t local = 022;                    /* only without the kernel */
  unsigned old;
  if (__agentvm_umask(m & 0777, &old) == 0) return (mode_t)old;
  mode_t prev = local;
  local = m & 0777;
  return prev;
}

int fchmodat(int dirfd, const char *p, mode_t m, int fl) {
  if (fl & ~AT_SYMLINK_NOFOLLOW) { errno = EINVAL; return -1; }
  int e = __agentvm_path_chmod(kdir(dirfd), p, strlen(p), m, kflags(fl));
  if (e != ENOSYS) return __agentvm_set_errno(e);
  if (exists_at(dirfd, p, fl) != 0) return -1;
  errno = ENOSYS;
  return -1;
}
int fchmod(int fd, mode_t m) {
  int e = __agentvm_fd_chmod(fd, m);
  if (e != ENOSYS) return __agentvm_set_errno(e);
  struct stat st;
  if (fstat(fd, &st) != 0) return -1;
  errno = ENOSYS;
  return -1;
}
int chmod(const char *p, mode_t m) { return fchmodat(AT_FDCWD, p, m, 0); }

static int root_only(uid_t u, gid_t g) {        /* preview1: only root (0:0) exists */
  if ((u != (uid_t)-1 && u != 0) || (g != (gid_t)-1 && g != 0)) { errno = EPERM; return -1; }
  return 0;
}
int fchownat(int dirfd, const char *p, uid_t u, gid_t g, int fl) {
  if (fl & ~AT_SYMLINK_NOFOLLOW) { errno = EINVAL; return -1; }
  int e = __agentvm_path_chown(kdir(dirfd), p, strlen(p), u, g, kflags(fl));
  if (e != ENOSYS) return __agentvm_set_errno(e);
  if (exists_at(dirfd, p, fl) != 0) return -1;
  return root_only(u, g);
}
int fchown(int fd, uid_t u, gid_t g) {
  int e = __agentvm_fd_chown(fd, u, g);
  if (e != ENOSYS) return __agentvm_set_errno(e);
  struct stat st;
  if (fstat(fd, &st) != 0) return -1;
  return root_only(u, g);
}
int chown(const char *p, uid_t u, gid_t g) { return fchownat(AT_FDCWD, p, u, g, 0); }
int lchown(const char *p, uid_t u, gid_t g) { return fchownat(AT_FDCWD, p, u, g, AT_SYMLINK_NOFOLLOW); }

/* pid ppid pgid sid uid euid gid egid; without the kernel: pid 1, all ids 0. */
int __agentvm_ids(int32_t v[8]) {
  if (__agentvm_proc_ids(v) == 0) return 0;
  memset(v, 0, 8 * sizeof v[0]);
  v[0] = 1;
  return ENOSYS;
}
uid_t getuid(void) { int32_t v[8]; __agentvm_ids(v); return (uid_t)v[4]; }
uid_t geteuid(void) { int32_t v[8]; __agentvm_ids(v); return (uid_t)v[5]; }
gid_t getgid(void) { int32_t v[8]; __agentvm_ids(v); return (gid_t)v[6]; }
gid_t getegid(void) { int32_t v[8]; __agentvm_ids(v); return (gid_t)v[7]; }
/* The kernel keeps one group per process: the supplementary list is the egid. */
int getgroups(int n, gid_t list[]) {
  if (n == 0) return 1;
  if (n < 0) { errno = EINVAL; return -1; }
  list[0] = getegid();
  return 1;
}
int mknod(const char *p, mode_t m, dev_t d) { (void)p; (void)m; (void)d; errno = ENOSYS; return -1; }
int mknodat(int fd, const char *p, mode_t m, dev_t d) { (void)fd; (void)p; (void)m; (void)d; errno = ENOSYS; return -1; }
