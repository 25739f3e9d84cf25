/* agentvm compat: mount table reader (glibc's setmntent/getmntent) over a mounts
 * file the (virtual) file system provides, e.g. /proc/self/mounts or /etc/mtab. */
#include <mntent.h>
#include <stdlib.h>
#include <string.h>

FILE *setmntent(const char *file, const char *mode) { return fopen(file, mode); }
int endmntent(FILE *f) { if (f) fclose(f); return 1; }
static char buf[1024];
static struct mntent ent;
struct mntent *getmntent(FILE *f) {
  while (fgets(buf, sizeof buf, f)) {
    char *p = buf, *field[6] = {0};
    int n = 0;
    while (n < 6) {
      while (*p == ' ' || *p == '\t') p++;
      if (!*p || *p == '\n' || *p == '#') break;
      field[n++] = p;
      p += strcspn(p, " \t\n");
      if (*p) *p++ = 0;
    }
    if (n < 4) continue;
    ent.mnt_fsname = field[0]; ent.mnt_dir = field[1]; ent.mnt_type = field[2]; ent.mnt_opts = field[3];
    ent.mnt_freq = n > 4 ? atoi(field[4]) : 0;
    ent.mnt_passno = n > 5 ? atoi(field[5]) : 0;
    return &ent;
  }
  return NULL;
}
char *hasmntopt(const struct mntent *m, const char *opt) {
  size_t len = strlen(opt);
  for (char *p = m->mnt_opts; p && *p; ) {
    if (strncmp(p, opt, len) == 0 && (p[len] == 0 || p[len] == ',' || p[len] == '=')) return p;
    p = strchr(p, ',');
    if (p) p++;
  }
  return NULL;
}
