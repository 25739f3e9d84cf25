/* agentvm compat: glibc's program_invocation_name (set at start-up by src/startup.c). */
#include_next <errno.h>
#ifndef AGENTVM_COMPAT_ERRNO_H
#define AGENTVM_COMPAT_ERRNO_H
extern char *program_invocation_name;
extern char *program_invocation_short_name;
#endif
