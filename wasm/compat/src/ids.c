/* agentvm compat: user/group ids, umask, chmod/chown.
 * WASI preview1 has no owners or mode bits (its filestat carries neither).
 * Two builds of this file:
 *  - default (modules import only wasi_snapshot_preview1): the process is uid 0 /
 *    gid 0 (what wasi-libc's stat reports for every file); umask is real process
 *    state; chmod checks that the target exists (real ENOENT/ENOTDIR/ELOOP errors)
 *    and then fails with ENOSYS: there is nowhere to store mode bits, and reporting
 *    success would be a lie. chown to uid/gid 0 (the only owner there is) succeeds.
 *    README.md lists this as a known gap.
 *  - -DAGENTVM_KERNEL_IMPORTS: each call goes to the "agentvm" import module
 *    (see README.md for the exact signatures); the kernel stores and enforces them. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef AGENTVM_KERNEL_IMPORTS
#define AGENTVM_IMPORT(name) __attribute__((import_module("agentvm"), import_name(#name)))
/* All return 0 or a positive errno value. */
AGENTVM_IMPORT(fchmodat) int __agentvm_fchmodat(int dirfd, const char *path, size_t path_len, unsigned mode, int flags);
AGENTVM_IMPORT(fchmod) int __agentvm_fchmod(int fd, unsigned mode);
AGENTVM_IMPORT(fchownat) int __agentvm_fchownat(int dirfd, const char *path, size_t path_len, unsigned uid, unsigned gid, int flags);
AGENTVM_IMPORT(fchown) int __agentvm_fchown(int fd, unsigned uid, unsigned gid);
AGENTVM_IMPORT(umask) unsigned __agentvm_umask(unsigned mask);
AGENTVM_IMPORT(getids) void __agentvm_getids(unsigned out[4]); /* uid, euid, gid, egid */
#include <string.h>
static int ret(int e) { if (e) { errno = e; return -1; } return 0; }
int fchmodat(int dirfd, const char *p, mode_t m, int fl) { return ret(__agentvm_fchmodat(dirfd, p, strlen(p), m, fl)); }
int fchmod(int fd, mode_t m) { return ret(__agentvm_fchmod(fd, m)); }
int fchownat(int dirfd, const char *p, uid_t u, gid_t g, int fl) { return ret(__agentvm_fchownat(dirfd, p, strlen(p), u, g, fl)); }
int fchown(int fd, uid_t u, gid_t g) { return ret(__agentvm_fchown(fd, u, g)); }
mode_t umask(mode_t m) { return __agentvm_umask(m & 0777); }
static unsigned id(int i) { unsigned v[4]; __agentvm_getids(v); return v[i]; }
uid_t getuid(void) { return id(0); }
uid_t geteuid(void) { return id(1); }
gid_t getgid(void) { return id(2); }
gid_t getegid(void) { return id(3); }
#else
static mode_t current_umask = 022;
mode_t umask(mode_t m) { mode_t old = current_umask; current_umask = m & 0777; return old; }
static int exists_at(int dirfd, const char *p, int flags) {
  struct stat st;
  return fstatat(dirfd, p, &st, flags & AT_SYMLINK_NOFOLLOW);
}
int fchmodat(int dirfd, const char *p, mode_t m, int fl) {
  (void)m;
  if (exists_at(dirfd, p, fl) != 0) return -1;
  errno = ENOSYS; return -1;
}
int fchmod(int fd, mode_t m) {
  struct stat st; (void)m;
  if (fstat(fd, &st) != 0) return -1;
  errno = ENOSYS; return -1;
}
int fchownat(int dirfd, const char *p, uid_t u, gid_t g, int fl) {
  /* Only root (uid 0) exists without a kernel: giving a file to someone else is not possible. */
  if ((u != (uid_t)-1 && u != 0) || (g != (gid_t)-1 && g != 0)) {
    if (exists_at(dirfd, p, fl) != 0) return -1;
    errno = EPERM; return -1;
  }
  return exists_at(dirfd, p, fl);
}
int fchown(int fd, uid_t u, gid_t g) {
  struct stat st;
  if (fstat(fd, &st) != 0) return -1;
  if ((u != (uid_t)-1 && u != 0) || (g != (gid_t)-1 && g != 0)) { errno = EPERM; return -1; }
  return 0;
}
uid_t getuid(void) { return 0; }
uid_t geteuid(void) { return 0; }
gid_t getgid(void) { return 0; }
gid_t getegid(void) { return 0; }
#endif

int chmod(const char *p, mode_t m) { return fchmodat(AT_FDCWD, p, m, 0); }
int chown(const char *p, uid_t u, gid_t g) { return fchownat(AT_FDCWD, p, u, g, 0); }
int lchown(const char *p, uid_t u, gid_t g) { return fchownat(AT_FDCWD, p, u, g, AT_SYMLINK_NOFOLLOW); }
int getgroups(int n, gid_t list[]) {
  if (n == 0) return 1;
  if (n < 0) { errno = EINVAL; return -1; }
  list[0] = getegid();
  return 1;
}
int mknod(const char *p, mode_t m, dev_t d) { (void)p; (void)m; (void)d; errno = ENOSYS; return -1; }
int mknodat(int fd, const char *p, mode_t m, dev_t d) { (void)fd; (void)p; (void)m; (void)d; errno = ENOSYS; return -1; }
