/* agentvm compat: statvfs (src/statvfs.c: the VM's disk quota and usage from the kernel). */
#ifndef AGENTVM_COMPAT_SYS_STATVFS_H
#define AGENTVM_COMPAT_SYS_STATVFS_H
#include <sys/types.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef unsigned long long fsblkcnt_t;
typedef unsigned long long fsfilcnt_t;
struct statvfs {
  unsigned long f_bsize, f_frsize;
  fsblkcnt_t f_blocks, f_bfree, f_bavail;
  fsfilcnt_t f_files, f_ffree, f_favail;
  unsigned long f_fsid, f_flag, f_namemax;
  unsigned long f_type;              /* Linux statfs magic (coreutils stat -f prints it) */
};
#define ST_RDONLY 1
#define ST_NOSUID 2
int statvfs(const char *__restrict, struct statvfs *__restrict);
int fstatvfs(int, struct statvfs *);
#ifdef __cplusplus
}
#endif
#endif
