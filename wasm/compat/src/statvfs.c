/* agentvm compat: statvfs/fstatvfs from the kernel: the VM's disk quota (limits.vfsBytes,
 * vfsInodes) and what it has used, one file system for the whole VM (/proc reports zero
 * sizes). Without the agentvm module: ENOSYS (df, stat -f print "Function not implemented"). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/statvfs.h>
#include "agentvm.h"

static void from_kernel(const struct agentvm_statvfs *a, struct statvfs *s) {
  memset(s, 0, sizeof *s);
  s->f_bsize = (unsigned long)a->bsize;
  s->f_frsize = (unsigned long)a->frsize;
  s->f_blocks = a->blocks;
  s->f_bfree = a->bfree;
  s->f_bavail = a->bavail;
  s->f_files = a->files;
  s->f_ffree = a->ffree;
  s->f_favail = a->favail;
  s->f_fsid = (unsigned long)a->fsid;
  s->f_flag = (unsigned long)a->flag;
  s->f_namemax = (unsigned long)a->namemax;
  s->f_type = (unsigned long)a->type;
}

int statvfs(const char *restrict p, struct statvfs *restrict s) {
  struct agentvm_statvfs a;
  int e = __agentvm_fs_statvfs(AV_AT_FDCWD, p, strlen(p), &a);
  if (e == 0) from_kernel(&a, s);
  return __agentvm_set_errno(e);
}
int fstatvfs(int fd, struct statvfs *s) {
  struct agentvm_statvfs a;
  int e = __agentvm_fd_statvfs(fd, &a);
  if (e == 0) from_kernel(&a, s);
  return __agentvm_set_errno(e);
}
