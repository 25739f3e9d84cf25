/* agentvm compat:
 *  - wasi-libc declares a 2-argument opendirat() extension; gnulib has its own
 *    4-argument opendirat (libc's real symbol is __wasilibc_nocwd_opendirat, so only
 *    the declaration clashes): hide wasi-libc's declaration.
 *  - DT_SOCK (wasi-libc reports stream sockets as DT_FIFO; datagram sockets get DT_SOCK). */
#define opendirat __wasilibc_opendirat_hidden
#include_next <dirent.h>
#undef opendirat
#ifndef DT_SOCK
#define DT_SOCK __WASI_FILETYPE_SOCKET_DGRAM
#endif
