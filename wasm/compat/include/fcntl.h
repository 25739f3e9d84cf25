/* agentvm compat: <fcntl.h> additions.
 *  - F_DUPFD / F_DUPFD_CLOEXEC: without them gnulib defines F_DUPFD as 1, which is WASI's
 *    F_GETFD. src/fd.c serves them.
 *  - O_CLOEXEC: wasi-libc defines it as 0 (no exec in WASI); here it is a real flag, honoured by
 *    open/openat (src/paths.c), pipe2, dup3 and posix_spawn_file_actions_addopen. The bit is
 *    above the ones wasi-libc's own openat looks at. */
#include_next <fcntl.h>
#ifndef F_DUPFD
#define F_DUPFD 0
#endif
#ifndef F_DUPFD_CLOEXEC
#define F_DUPFD_CLOEXEC 1030
#endif
#undef O_CLOEXEC
#define O_CLOEXEC 0x20000000
