/* agentvm compat: wasi-libc's placeholder sigset_t is one byte, too small for
 * NSIG (65). Same include guard as wasi-libc's file, so this one wins everywhere. */
#ifndef __wasilibc___typedef_sigset_t_h
#define __wasilibc___typedef_sigset_t_h
typedef unsigned long long sigset_t; /* bit (n-1) = signal n, n in 1..64 */
#endif
