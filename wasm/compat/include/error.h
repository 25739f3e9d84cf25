/* agentvm compat: glibc's <error.h>. wasi-libc has none, so gnulib would build its own
 * error(), which names the program by getprogname() (the basename); glibc, and so every
 * Debian tool, prints program_invocation_name (argv[0] as given: "/usr/bin/printf: …").
 * With this header and src/error.c, configure finds error_at_line and uses ours. */
#ifndef AGENTVM_COMPAT_ERROR_H
#define AGENTVM_COMPAT_ERROR_H
#ifdef __cplusplus
extern "C" {
#endif
void error(int status, int errnum, const char *format, ...) __attribute__((format(printf, 3, 4)));
void error_at_line(int status, int errnum, const char *file, unsigned int line, const char *format, ...)
  __attribute__((format(printf, 5, 6)));
extern void (*error_print_progname)(void);
extern unsigned int error_message_count;
extern int error_one_per_line;
#ifdef __cplusplus
}
#endif
#endif
