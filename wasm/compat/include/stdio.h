/* agentvm compat: stdio locking (single-threaded: no-ops, src/fd.c) and popen (src/popen.c). */
#include_next <stdio.h>
#ifndef AGENTVM_COMPAT_STDIO_H
#define AGENTVM_COMPAT_STDIO_H
#ifdef __cplusplus
extern "C" {
#endif
void flockfile(FILE *);
int ftrylockfile(FILE *);
void funlockfile(FILE *);
FILE *popen(const char *, const char *);
int pclose(FILE *);
#ifdef __cplusplus
}
#endif
#endif
