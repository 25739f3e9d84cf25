/* agentvm compat: see include/setjmp.h. */
#include <setjmp.h>
#include <stdlib.h>
#include <unistd.h>

int setjmp(jmp_buf b) { b[0] = 0; return 0; }
int sigsetjmp(sigjmp_buf b, int save) { (void)save; b[0] = 0; return 0; }
_Noreturn void longjmp(jmp_buf b, int v) {
  (void)b; (void)v;
  static const char msg[] = "longjmp: not supported in this WebAssembly build\n";
  write(2, msg, sizeof msg - 1);
  _Exit(134);
}
_Noreturn void siglongjmp(sigjmp_buf b, int v) { longjmp(b, v); }
