/* agentvm compat: the stat family with real st_mode permission bits, st_uid/st_gid, st_nlink,
 * st_rdev and st_blocks from the kernel (WASI preview1's filestat has no mode or owner).
 * wasi-libc funnels stat, lstat, fstatat and its own internal calls through two functions,
 * each alone in its archive member: __wasilibc_nocwd_fstatat(dirfd, relative path, ...) and
 * fstat(). Defining both here replaces those members whole (no duplicate symbols), so every
 * stat call in a statically linked program reaches the kernel. Without the agentvm module
 * they fall back to wasi-libc's preview1 behaviour (file type only, uid/gid 0). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <wasi/api.h>
#include "agentvm.h"

#define NS 1000000000ull

static void from_kernel(const struct agentvm_stat *a, struct stat *st) {
  memset(st, 0, sizeof *st);
  unsigned t = (unsigned)(a->mode & 0170000);
  /* wasi-libc gives S_IFIFO and S_IFSOCK one value (0xc000); the other type bits are Linux's */
  st->st_mode = (t == 0010000 || t == 0140000 ? S_IFIFO : t) | (unsigned)(a->mode & 07777);
  st->st_dev = a->dev;
  st->st_ino = a->ino;
  st->st_nlink = a->nlink;
  st->st_uid = (uid_t)a->uid;
  st->st_gid = (gid_t)a->gid;
  st->st_rdev = a->rdev;
  st->st_size = (off_t)a->size;
  st->st_blksize = (blksize_t)a->blksize;
  st->st_blocks = (blkcnt_t)a->blocks;
  st->st_atim.tv_sec = (time_t)(a->atim / NS); st->st_atim.tv_nsec = (long)(a->atim % NS);
  st->st_mtim.tv_sec = (time_t)(a->mtim / NS); st->st_mtim.tv_nsec = (long)(a->mtim % NS);
  st->st_ctim.tv_sec = (time_t)(a->ctim / NS); st->st_ctim.tv_nsec = (long)(a->ctim % NS);
}

static void from_filestat(const __wasi_filestat_t *f, struct stat *st) {
  memset(st, 0, sizeof *st);
  switch (f->filetype) {
    case __WASI_FILETYPE_BLOCK_DEVICE: st->st_mode = S_IFBLK; break;
    case __WASI_FILETYPE_CHARACTER_DEVICE: st->st_mode = S_IFCHR; break;
    case __WASI_FILETYPE_DIRECTORY: st->st_mode = S_IFDIR; break;
    case __WASI_FILETYPE_REGULAR_FILE: st->st_mode = S_IFREG; break;
    case __WASI_FILETYPE_SOCKET_DGRAM: case __WASI_FILETYPE_SOCKET_STREAM: st->st_mode = S_IFSOCK; break;
    case __WASI_FILETYPE_SYMBOLIC_LINK: st->st_mode = S_IFLNK; break;
    default: break;
  }
  st->st_dev = f->dev;
  st->st_ino = f->ino;
  st->st_nlink = f->nlink;
  st->st_size = (off_t)f->size;
  st->st_atim.tv_sec = (time_t)(f->atim / NS); st->st_atim.tv_nsec = (long)(f->atim % NS);
  st->st_mtim.tv_sec = (time_t)(f->mtim / NS); st->st_mtim.tv_nsec = (long)(f->mtim % NS);
  st->st_ctim.tv_sec = (time_t)(f->ctim / NS); st->st_ctim.tv_nsec = (long)(f->ctim % NS);
}

int fstat(int fd, struct stat *st) {
  struct agentvm_stat a;
  int e = __agentvm_fd_stat(fd, &a);
  if (e == 0) { from_kernel(&a, st); return 0; }
  if (e != ENOSYS) return __agentvm_set_errno(e);
  __wasi_filestat_t f;
  if ((e = __wasi_fd_filestat_get(fd, &f)) != 0) return __agentvm_set_errno(e);
  from_filestat(&f, st);
  return 0;
}

int __wasilibc_nocwd_fstatat(int fd, const char *restrict path, struct stat *restrict st, int flag) {
  if (flag & ~AT_SYMLINK_NOFOLLOW) { errno = EINVAL; return -1; }
  struct agentvm_stat a;
  int e = __agentvm_path_stat(fd, path, strlen(path), flag & AT_SYMLINK_NOFOLLOW ? AV_AT_SYMLINK_NOFOLLOW : 0, &a);
  if (e == 0) { from_kernel(&a, st); return 0; }
  if (e != ENOSYS) return __agentvm_set_errno(e);
  __wasi_filestat_t f;
  e = __wasi_path_filestat_get(fd, flag & AT_SYMLINK_NOFOLLOW ? 0 : __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, path, &f);
  if (e != 0) return __agentvm_set_errno(e);
  from_filestat(&f, st);
  return 0;
}
