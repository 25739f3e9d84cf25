/* agentvm compat: name lookups. There is no resolver or /etc/services reader in a
 * WASI process: every lookup reports "not found". */
#include <netdb.h>
#include <stddef.h>

int h_errno;
struct hostent *gethostbyname(const char *n) { (void)n; h_errno = HOST_NOT_FOUND; return NULL; }
struct hostent *gethostbyaddr(const void *a, socklen_t l, int t) { (void)a; (void)l; (void)t; h_errno = HOST_NOT_FOUND; return NULL; }
struct servent *getservbyname(const char *n, const char *p) { (void)n; (void)p; return NULL; }
struct servent *getservbyport(int port, const char *p) { (void)port; (void)p; return NULL; }
