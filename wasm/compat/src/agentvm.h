/* agentvm compat: the "agentvm" import module (wasm/ABI.md, "agentvm import module").
 * Internal to the compat library. Every call returns 0 or a WASI errno (wasi-libc's errno
 * values are the WASI ones, so the result can be stored in errno as is). fd arguments are the
 * C program's (WASI) numbers; flags, modes, signals and wait statuses are Linux values.
 * A runtime without this module (node:wasi with stubs) answers ENOSYS: callers that can fall
 * back to WASI preview1 behaviour do so. */
#ifndef AGENTVM_COMPAT_IMPORTS_H
#define AGENTVM_COMPAT_IMPORTS_H
#include <stddef.h>
#include <stdint.h>

#define AGENTVM_IMPORT(name) __attribute__((import_module("agentvm"), import_name(#name)))

/* Linux numbers used on the wire. */
#define AV_O_WRONLY 01
#define AV_O_RDWR 02
#define AV_O_CREAT 0100
#define AV_O_EXCL 0200
#define AV_O_NOCTTY 0400
#define AV_O_TRUNC 01000
#define AV_O_APPEND 02000
#define AV_O_NONBLOCK 04000
#define AV_O_DSYNC 010000
#define AV_O_SYNC 04010000
#define AV_O_DIRECTORY 0200000
#define AV_O_NOFOLLOW 0400000
#define AV_O_CLOEXEC 02000000
#define AV_AT_FDCWD (-100)
#define AV_AT_SYMLINK_NOFOLLOW 0x100
#define AV_AT_EMPTY_PATH 0x1000

/* Spawn records (wasm32: pointers are 32-bit, so these match the runtime's byte layout). */
struct agentvm_spawn_action {
  uint32_t kind;          /* 1 close, 2 dup2, 3 open, 4 chdir, 5 fchdir */
  int32_t fd;             /* child fd (WASI number) */
  int32_t arg;            /* dup2: source fd; open: Linux open flags */
  uint32_t mode;          /* open: creation mode */
  const char *path;       /* open, chdir */
  uint32_t path_len;
};
struct agentvm_spawn_attr {
  uint32_t flags;         /* POSIX_SPAWN_* (glibc values) */
  int32_t pgid;
  uint64_t sigdefault;    /* bit n-1 = signal n */
};
/* stat record: 13 x u64 */
struct agentvm_stat {
  uint64_t dev, ino, nlink, mode, uid, gid, rdev, size, blksize, blocks, atim, mtim, ctim;
};
/* statvfs record: 12 x u64 */
struct agentvm_statvfs {
  uint64_t bsize, frsize, blocks, bfree, bavail, files, ffree, favail, fsid, flag, namemax, type;
};

AGENTVM_IMPORT(proc_spawn) int __agentvm_proc_spawn(const char *path, size_t path_len, char *const *argv, size_t argc,
  char *const *envp, size_t envc, const struct agentvm_spawn_action *actions, size_t nactions,
  const struct agentvm_spawn_attr *attr, int *pid);
AGENTVM_IMPORT(proc_exec) int __agentvm_proc_exec(const char *path, size_t path_len, char *const *argv, size_t argc,
  char *const *envp, size_t envc);
AGENTVM_IMPORT(proc_wait) int __agentvm_proc_wait(int pid, int options, int *status, int *pid_out);
AGENTVM_IMPORT(proc_kill) int __agentvm_proc_kill(int pid, int sig);
AGENTVM_IMPORT(proc_ids) int __agentvm_proc_ids(int32_t out[8]); /* pid ppid pgid sid uid euid gid egid */
AGENTVM_IMPORT(sys_uname) int __agentvm_sys_uname(char buf[6 * 65]); /* struct utsname */
AGENTVM_IMPORT(proc_getpgid) int __agentvm_proc_getpgid(int pid, int *out);
AGENTVM_IMPORT(proc_getsid) int __agentvm_proc_getsid(int pid, int *out);
AGENTVM_IMPORT(proc_setpgid) int __agentvm_proc_setpgid(int pid, int pgid);
AGENTVM_IMPORT(proc_setsid) int __agentvm_proc_setsid(int *out);
AGENTVM_IMPORT(proc_signal) int __agentvm_proc_signal(int sig, int disposition, int *old); /* 0 dfl, 1 ign, -1 query */

AGENTVM_IMPORT(fd_dup) int __agentvm_fd_dup(int fd, int min_fd, int cloexec, int *out);
AGENTVM_IMPORT(fd_dup2) int __agentvm_fd_dup2(int fd, int new_fd, int cloexec);
AGENTVM_IMPORT(fd_getfd) int __agentvm_fd_getfd(int fd, int *flags);
AGENTVM_IMPORT(fd_setfd) int __agentvm_fd_setfd(int fd, int flags);
AGENTVM_IMPORT(fd_pipe) int __agentvm_fd_pipe(int flags, int fds[2]);
AGENTVM_IMPORT(fd_ioctl) int __agentvm_fd_ioctl(int fd, int request, void *arg);
AGENTVM_IMPORT(path_open) int __agentvm_path_open(int dirfd, const char *path, size_t path_len, int oflags, unsigned mode, int *fd);
AGENTVM_IMPORT(path_mkdir) int __agentvm_path_mkdir(int dirfd, const char *path, size_t path_len, unsigned mode);

AGENTVM_IMPORT(path_access) int __agentvm_path_access(int dirfd, const char *path, size_t path_len, int mode, int flags);
AGENTVM_IMPORT(path_stat) int __agentvm_path_stat(int dirfd, const char *path, size_t path_len, int flags, struct agentvm_stat *buf);
AGENTVM_IMPORT(fd_stat) int __agentvm_fd_stat(int fd, struct agentvm_stat *buf);
AGENTVM_IMPORT(path_chmod) int __agentvm_path_chmod(int dirfd, const char *path, size_t path_len, unsigned mode, int flags);
AGENTVM_IMPORT(fd_chmod) int __agentvm_fd_chmod(int fd, unsigned mode);
AGENTVM_IMPORT(path_chown) int __agentvm_path_chown(int dirfd, const char *path, size_t path_len, unsigned uid, unsigned gid, int flags);
AGENTVM_IMPORT(fd_chown) int __agentvm_fd_chown(int fd, unsigned uid, unsigned gid);
AGENTVM_IMPORT(umask) int __agentvm_umask(unsigned mask, unsigned *old);
AGENTVM_IMPORT(path_chdir) int __agentvm_path_chdir(const char *path, size_t path_len);
AGENTVM_IMPORT(fd_chdir) int __agentvm_fd_chdir(int fd);
AGENTVM_IMPORT(getcwd) int __agentvm_getcwd(char *buf, size_t len, size_t *needed);
AGENTVM_IMPORT(fs_statvfs) int __agentvm_fs_statvfs(int dirfd, const char *path, size_t path_len, struct agentvm_statvfs *buf);
AGENTVM_IMPORT(fd_statvfs) int __agentvm_fd_statvfs(int fd, struct agentvm_statvfs *buf);

/* Helpers shared by the compat sources. */
int __agentvm_set_errno(int e);        /* errno = e; returns -1 (0 when e == 0) */
int __agentvm_sync_cwd(void);          /* wasi-libc's cwd := the kernel's; 0 or an errno */
int __agentvm_oflags(int wasi_oflags); /* wasi-libc O_* -> Linux O_* */
int __agentvm_sigdisp_init(int sig);   /* seed the sigaction table from the kernel (signals.c) */
int __agentvm_ids(int32_t v[8]);       /* proc_ids, or pid 1 / ids 0 without the kernel (ids.c) */

#endif
