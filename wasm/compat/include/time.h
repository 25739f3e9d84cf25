/* agentvm compat: tzset() (wasi-libc is UTC-only; src/process.c). */
#include_next <time.h>
#ifndef AGENTVM_COMPAT_TIME_H
#define AGENTVM_COMPAT_TIME_H
void tzset(void);
#endif
