/* agentvm compat: process start-up, linked into every module as an object (not
 * from the archive) so its constructor always runs.
 *  - program_invocation_name / _short_name from argv[0] (gnulib's error() prints them;
 *    without them messages start with "(null):").
 *  - initial working directory: wasi-libc starts every process at "/"; when the
 *    runtime passes PWD in the environment we chdir() there before main(). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

char *program_invocation_name = "";
char *program_invocation_short_name = "";

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

__attribute__((constructor(101))) static void agentvm_startup(void) {
  set_invocation_name();
  const char *pwd = getenv("PWD");
  if (pwd && pwd[0] == '/') chdir(pwd);         /* failure leaves the cwd at "/" */
}
