/* agentvm compat: mount table parsed from /proc/self/mounts or /etc/mtab (src/mntent.c). */
#ifndef AGENTVM_COMPAT_MNTENT_H
#define AGENTVM_COMPAT_MNTENT_H
#include <stdio.h>
#define MOUNTED "/etc/mtab"
#define _PATH_MOUNTED MOUNTED
#ifdef __cplusplus
extern "C" {
#endif
struct mntent {
  char *mnt_fsname, *mnt_dir, *mnt_type, *mnt_opts;
  int mnt_freq, mnt_passno;
};
FILE *setmntent(const char *, const char *);
struct mntent *getmntent(FILE *);
int endmntent(FILE *);
char *hasmntopt(const struct mntent *, const char *);
#ifdef __cplusplus
}
#endif
#endif
