/* agentvm compat: passwd/group lookups parsed from /etc/passwd and /etc/group of
 * the file system the process sees (the VM's), like glibc's "files" NSS backend. */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char line[1024];
static char *fields[8];
static int split(char *s, int max) {           /* ':'-separated, trailing newline dropped */
  int n = 0;
  s[strcspn(s, "\n")] = 0;
  fields[n++] = s;
  for (char *p = s; *p && n < max; p++) if (*p == ':') { *p = 0; fields[n++] = p + 1; }
  return n;
}

static FILE *pwf, *grf;
static struct passwd pw;
static struct group gr;
static char *members[64];

void setpwent(void) { if (pwf) rewind(pwf); }
void endpwent(void) { if (pwf) fclose(pwf); pwf = NULL; }
struct passwd *getpwent(void) {
  if (!pwf && !(pwf = fopen("/etc/passwd", "r"))) return NULL;
  while (fgets(line, sizeof line, pwf)) {
    if (split(line, 7) != 7) continue;
    pw.pw_name = fields[0]; pw.pw_passwd = fields[1];
    pw.pw_uid = strtoul(fields[2], NULL, 10); pw.pw_gid = strtoul(fields[3], NULL, 10);
    pw.pw_gecos = fields[4]; pw.pw_dir = fields[5]; pw.pw_shell = fields[6];
    return &pw;
  }
  return NULL;
}
static struct passwd *findpw(const char *name, uid_t uid) {
  struct passwd *p;
  int e = errno;
  setpwent();
  while ((p = getpwent()) && (name ? strcmp(p->pw_name, name) != 0 : p->pw_uid != uid)) {}
  endpwent();
  errno = e;                                    /* "not found" is not an error */
  return p;
}
struct passwd *getpwnam(const char *name) { return findpw(name, 0); }
struct passwd *getpwuid(uid_t uid) { return findpw(NULL, uid); }

void setgrent(void) { if (grf) rewind(grf); }
void endgrent(void) { if (grf) fclose(grf); grf = NULL; }
struct group *getgrent(void) {
  if (!grf && !(grf = fopen("/etc/group", "r"))) return NULL;
  while (fgets(line, sizeof line, grf)) {
    if (split(line, 4) != 4) continue;
    gr.gr_name = fields[0]; gr.gr_passwd = fields[1];
    gr.gr_gid = strtoul(fields[2], NULL, 10);
    int n = 0;
    for (char *m = strtok(fields[3], ","); m && n < 63; m = strtok(NULL, ",")) members[n++] = m;
    members[n] = NULL;
    gr.gr_mem = members;
    return &gr;
  }
  return NULL;
}
static struct group *findgr(const char *name, gid_t gid) {
  struct group *g;
  int e = errno;
  setgrent();
  while ((g = getgrent()) && (name ? strcmp(g->gr_name, name) != 0 : g->gr_gid != gid)) {}
  endgrent();
  errno = e;
  return g;
}
struct group *getgrnam(const char *name) { return findgr(name, 0); }
struct group *getgrgid(gid_t gid) { return findgr(NULL, gid); }

int getgrouplist(const char *user, gid_t group, gid_t *groups, int *ngroups) {
  int n = 0, max = *ngroups;
  if (n < max) groups[n] = group;
  n++;
  struct group *g;
  setgrent();
  while ((g = getgrent())) {
    if (g->gr_gid == group) continue;
    for (char **m = g->gr_mem; *m; m++)
      if (strcmp(*m, user) == 0) { if (n < max) groups[n] = g->gr_gid; n++; break; }
  }
  endgrent();
  *ngroups = n;
  return n > max ? -1 : n;
}
