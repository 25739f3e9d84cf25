/* agentvm compat: group database read from /etc/group of the (virtual) file system (src/passwd.c). */
#ifndef AGENTVM_COMPAT_GRP_H
#define AGENTVM_COMPAT_GRP_H
#include <sys/types.h>
#ifdef __cplusplus
extern "C" {
#endif
struct group {
  char *gr_name, *gr_passwd;
  gid_t gr_gid;
  char **gr_mem;
};
struct group *getgrnam(const char *);
struct group *getgrgid(gid_t);
struct group *getgrent(void);
void setgrent(void);
void endgrent(void);
int getgrouplist(const char *, gid_t, gid_t *, int *);
#ifdef __cplusplus
}
#endif
#endif
