/* agentvm compat: mode/umask calls WASI preview1 lacks (src/ids.c). */
#include_next <sys/stat.h>
#ifndef AGENTVM_COMPAT_SYS_STAT_H
#define AGENTVM_COMPAT_SYS_STAT_H
#ifdef __cplusplus
extern "C" {
#endif
mode_t umask(mode_t);
int chmod(const char *, mode_t);
int fchmod(int, mode_t);
int fchmodat(int, const char *, mode_t, int);
int mknod(const char *, mode_t, dev_t);
int mknodat(int, const char *, mode_t, dev_t);
#ifdef __cplusplus
}
#endif
#endif
