/* agentvm compat: process start-up, linked into every module as an object (not
 * from the archive) so its constructor always runs.
 *  - program_invocation_name / _short_name from argv[0] (gnulib's error() prints them;
 *    without them messages start with "(null):").
 *  - working directory: wasi-libc starts every process at "/"; its cwd string becomes the
 *    kernel process's cwd (cwd.c). Without the agentvm module: chdir($PWD) when the runtime
 *    passes an absolute PWD.
 *  - stdio buffers as glibc sizes them: stdin and a non-terminal stdout get 4 KiB (glibc uses
 *    st_blksize, 4096 for pipes and files) instead of wasi-libc's BUFSIZ (1 KiB): a quarter
 *    of the read/write calls. A terminal stdout keeps the libc's line buffering. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

char *program_invocation_name = "";
char *program_invocation_short_name = "";
int __agentvm_sync_cwd(void);

static void set_invocation_name(void) {
  __wasi_size_t argc = 0, size = 0;
  if (__wasi_args_sizes_get(&argc, &size) != 0 || argc == 0) return;
  char **argv = malloc((argc + 1) * sizeof *argv);
  char *buf = malloc(size);
  if (!argv || !buf) { free(argv); free(buf); return; }
  if (__wasi_args_get((uint8_t **)argv, (uint8_t *)buf) != 0) { free(argv); free(buf); return; }
  program_invocation_name = argv[0];            /* buf stays allocated for the process lifetime */
  char *slash = strrchr(argv[0], '/');
  program_invocation_short_name = slash ? slash + 1 : argv[0];
  free(argv);
}

#define STDIO_BUF 4096
#define STDIO_UNGET 8                              /* the libc keeps 8 bytes before the buffer for ungetc */
static char in_buf[STDIO_BUF + STDIO_UNGET], out_buf[STDIO_BUF + STDIO_UNGET];

static void size_stdio(void) {
  setvbuf(stdin, in_buf, _IOFBF, sizeof in_buf);
  if (!isatty(1)) setvbuf(stdout, out_buf, _IOFBF, sizeof out_buf);
}

__attribute__((constructor(101))) static void agentvm_startup(void) {
  set_invocation_name();
  size_stdio();
  if (__agentvm_sync_cwd() == 0) return;
  const char *pwd = getenv("PWD");
  if (pwd && pwd[0] == '/') chdir(pwd);         /* failure leaves the cwd at "/" */
}
