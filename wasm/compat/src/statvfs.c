/* agentvm compat: statvfs. WASI preview1 reports no file system sizes: ENOSYS
 * until the kernel offers them (df, stat -f print "Function not implemented"). */
#include <errno.h>
#include <sys/statvfs.h>

int statvfs(const char *restrict p, struct statvfs *restrict s) { (void)p; (void)s; errno = ENOSYS; return -1; }
int fstatvfs(int fd, struct statvfs *s) { (void)fd; (void)s; errno = ENOSYS; return -1; }
