/* agentvm compat: <setjmp.h>. wasm32 (clang 14, no exception handling) cannot unwind
 * the stack, so setjmp() records nothing and returns 0, and longjmp() ends the process
 * with a message and exit status 134 (src/setjmp.c). Code that only longjmps on rare
 * errors (coreutils ls: strcoll failure) works; code that relies on it does not. */
#ifndef AGENTVM_COMPAT_SETJMP_H
#define AGENTVM_COMPAT_SETJMP_H
#ifdef __cplusplus
extern "C" {
#endif
typedef long jmp_buf[1];
typedef long sigjmp_buf[1];
int setjmp(jmp_buf);
int sigsetjmp(sigjmp_buf, int);
_Noreturn void longjmp(jmp_buf, int);
_Noreturn void siglongjmp(sigjmp_buf, int);
#define _setjmp setjmp
#define _longjmp longjmp
#ifdef __cplusplus
}
#endif
#endif
