/* agentvm compat: F_DUPFD / F_DUPFD_CLOEXEC. Without them gnulib defines F_DUPFD as 1,
 * which is WASI's F_GETFD. src/fd.c replaces wasi-libc's fcntl() to serve them. */
#include_next <fcntl.h>
#ifndef F_DUPFD
#define F_DUPFD 0
#endif
#ifndef F_DUPFD_CLOEXEC
#define F_DUPFD_CLOEXEC 1030
#endif
