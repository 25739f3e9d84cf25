/* agentvm compat: error() and error_at_line() with glibc's behaviour (see include/error.h):
 * flush stdout, "argv0: " (or error_print_progname()), the message, ": strerror(errnum)"
 * when errnum is set, a newline; exit(status) when status is non-zero. error_at_line adds
 * "file:line: " and, with error_one_per_line, drops a repeat of the same file and line. */
#include <error.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void (*error_print_progname)(void) = NULL;
unsigned int error_message_count = 0;
int error_one_per_line = 0;

static void finish(int status, int errnum, const char *format, va_list ap) {
  vfprintf(stderr, format, ap);
  ++error_message_count;
  if (errnum) fprintf(stderr, ": %s", strerror(errnum));
  putc('\n', stderr);
  fflush(stderr);
  if (status) exit(status);
}

void error(int status, int errnum, const char *format, ...) {
  fflush(stdout);
  if (error_print_progname) error_print_progname();
  else fprintf(stderr, "%s: ", program_invocation_name);
  va_list ap;
  va_start(ap, format);
  finish(status, errnum, format, ap);
  va_end(ap);
}

void error_at_line(int status, int errnum, const char *file, unsigned int line, const char *format, ...) {
  if (error_one_per_line) {
    static const char *last_file;
    static unsigned int last_line;
    if (line == last_line && (file == last_file || (file && last_file && strcmp(file, last_file) == 0))) return;
    last_file = file;
    last_line = line;
  }
  fflush(stdout);
  if (error_print_progname) error_print_progname();
  else fprintf(stderr, "%s:", program_invocation_name);
  if (file) fprintf(stderr, "%s:%u: ", file, line);
  else fputs(" ", stderr);
  va_list ap;
  va_start(ap, format);
  finish(status, errnum, format, ap);
  va_end(ap);
}
