/* agentvm compat: <netdb.h> (wasi-libc has none) so gnulib's getaddrinfo compiles.
 * A VM has no resolver: lookups report "host/service not found" (src/netdb.c). */
#ifndef AGENTVM_COMPAT_NETDB_H
#define AGENTVM_COMPAT_NETDB_H
#include <sys/socket.h>
#include <netinet/in.h>
#ifndef PF_INET
#define PF_INET AF_INET
#endif
#ifndef PF_INET6
#define PF_INET6 AF_INET6
#endif
#ifndef PF_UNSPEC
#define PF_UNSPEC AF_UNSPEC
#endif
#define HOST_NOT_FOUND 1
#define TRY_AGAIN 2
#define NO_RECOVERY 3
#define NO_DATA 4
#ifdef __cplusplus
extern "C" {
#endif
struct hostent { char *h_name; char **h_aliases; int h_addrtype, h_length; char **h_addr_list; };
#define h_addr h_addr_list[0]
struct servent { char *s_name; char **s_aliases; int s_port; char *s_proto; };
extern int h_errno;
struct hostent *gethostbyname(const char *);
struct hostent *gethostbyaddr(const void *, socklen_t, int);
struct servent *getservbyname(const char *, const char *);
struct servent *getservbyport(int, const char *);
#ifdef __cplusplus
}
#endif
#endif
