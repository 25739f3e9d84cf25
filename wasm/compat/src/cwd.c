/* agentvm compat: the working directory is the kernel process's (chdir, fchdir; getcwd is
 * wasi-libc's, reading the string kept in sync here).
 * wasi-libc resolves relative paths against its own cwd string (__wasilibc_cwd) and the
 * preopened "/": after every kernel chdir that string becomes the kernel's cwd (absolute, no
 * symlinks, no ".."), so wasi-libc's path calls and the kernel agree, and children inherit
 * it. Replaces wasi-libc's chdir.o (chdir + __wasilibc_find_relpath_alloc, defined here so
 * that object is never linked). Without the agentvm module chdir falls back to a lexical
 * one (normalised, unlike wasi-libc's) and fchdir fails with ENOSYS. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "agentvm.h"

extern char *__wasilibc_cwd;          /* wasi-libc getcwd.o: "/" until we set it */
int __wasilibc_find_abspath(const char *abspath, const char **__restrict__ abs_prefix,
                            const char **__restrict__ relative_path);
int __wasilibc_find_relpath_alloc(const char *path, const char **abs, char **relative,
                                  size_t *relative_len, int can_realloc);
static int cwd_mallocd;

static void set_cwd(char *s) {
  if (cwd_mallocd) free(__wasilibc_cwd);
  __wasilibc_cwd = s;
  cwd_mallocd = 1;
}

int __agentvm_sync_cwd(void) {
  size_t len = 256, need = 0;
  for (;;) {
    char *buf = malloc(len);
    if (!buf) return ENOMEM;
    int e = __agentvm_getcwd(buf, len, &need);
    if (e == 0) { set_cwd(buf); return 0; }
    free(buf);
    if (e != ERANGE || need <= len) return e;
    len = need;
  }
}

/* base + "/" + path with ".", ".." and repeated slashes resolved lexically (fallback only). */
static char *normalize(const char *base, const char *path) {
  size_t n = (path[0] == '/' ? 0 : strlen(base)) + strlen(path) + 2;
  char *in = malloc(n), *out = malloc(n);
  if (!in || !out) { free(in); free(out); return NULL; }
  strcpy(in, path[0] == '/' ? "" : base);
  strcat(in, "/");
  strcat(in, path);
  size_t o = 0;
  for (char *p = in; *p; ) {
    while (*p == '/') p++;
    char *s = p;
    while (*p && *p != '/') p++;
    size_t k = (size_t)(p - s);
    if (k == 0 || (k == 1 && s[0] == '.')) continue;
    if (k == 2 && s[0] == '.' && s[1] == '.') {
      while (o > 0 && out[o - 1] != '/') o--;
      if (o > 0) o--;
      continue;
    }
    out[o++] = '/';
    memcpy(out + o, s, k);
    o += k;
  }
  if (o == 0) out[o++] = '/';
  out[o] = 0;
  free(in);
  return out;
}

static int lexical_chdir(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) return -1;
  if (!S_ISDIR(st.st_mode)) { errno = ENOTDIR; return -1; }
  char *n = normalize(__wasilibc_cwd, path);
  if (!n) { errno = ENOMEM; return -1; }
  set_cwd(n);
  return 0;
}

int chdir(const char *path) {
  int e = __agentvm_path_chdir(path, strlen(path));
  if (e == ENOSYS) return lexical_chdir(path);
  if (e == 0) e = __agentvm_sync_cwd();
  return __agentvm_set_errno(e);
}

int fchdir(int fd) {
  int e = __agentvm_fd_chdir(fd);
  if (e == 0) e = __agentvm_sync_cwd();
  return __agentvm_set_errno(e);
}

/* wasi-libc's path resolution hook (weakly referenced from its preopens.o and posix.o, which
 * use it only when a chdir exists): path made absolute against __wasilibc_cwd, then split
 * into a preopened directory fd and a path relative to it. An empty path is ENOENT. */
int __wasilibc_find_relpath_alloc(const char *path, const char **abs, char **relative,
                                  size_t *relative_len, int can_realloc) {
  static char *buf;
  static size_t buf_len;
  const char *abspath = path;
  if (path[0] == 0) { errno = ENOENT; return -1; }
  if (path[0] != '/') {
    const char *cwd = __wasilibc_cwd;
    if (path[0] == '.' && (path[1] == 0 || (path[1] == '/' && path[2] == 0))) {
      abspath = cwd;
    } else {
      if (path[0] == '.' && path[1] == '/') path += 2;
      size_t cl = strlen(cwd), pl = strlen(path);
      int slash = cl == 0 || cwd[cl - 1] != '/';
      if (cl + slash + pl + 1 > buf_len) {
        char *t = realloc(buf, cl + slash + pl + 1);
        if (!t) { errno = ENOMEM; return -1; }
        buf = t;
        buf_len = cl + slash + pl + 1;
      }
      memcpy(buf, cwd, cl);
      if (slash) buf[cl] = '/';
      memcpy(buf + cl + slash, path, pl + 1);
      abspath = buf;
    }
  }
  const char *rel;
  int fd = __wasilibc_find_abspath(abspath, abs, &rel);
  if (fd == -1) return -1;
  size_t rl = strlen(rel);
  if (*relative_len < rl + 1) {
    if (!can_realloc) { errno = ERANGE; return -1; }
    char *t = realloc(*relative, rl + 1);
    if (!t) { errno = ENOMEM; return -1; }
    *relative = t;
    *relative_len = rl + 1;
  }
  memmove(*relative, rel, rl + 1);
  return fd;
}
