/* agentvm compat: uname() and gethostname() from the kernel (sys_uname): the VM is "Linux" on
 * "x86_64" with the kernel's hostname, as uname(1) and /proc/version say. wasi-libc's uname
 * reports "wasi" and it has no gethostname. Replaces wasi-libc's uname.o (only uname in it).
 * Without the agentvm module: "Linux" / "localhost". */
#include <errno.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "agentvm.h"

int uname(struct utsname *u) {
  _Static_assert(sizeof(struct utsname) == 6 * 65, "struct utsname is six 65-byte fields");
  if (__agentvm_sys_uname((char *)u) == 0) return 0;
  memset(u, 0, sizeof *u);
  strcpy(u->sysname, "Linux");
  strcpy(u->nodename, "localhost");
  strcpy(u->machine, "x86_64");
  return 0;
}

int gethostname(char *name, size_t len) {
  struct utsname u;
  uname(&u);
  size_t n = strlen(u.nodename);
  if (n + 1 > len) { errno = ENAMETOOLONG; return -1; }  /* glibc's answer when it does not fit */
  memcpy(name, u.nodename, n + 1);
  return 0;
}
