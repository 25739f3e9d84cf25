/* agentvm compat: unistd calls WASI preview1 lacks (src/ids.c, src/fd.c, src/process.c). */
#include_next <unistd.h>
#ifndef AGENTVM_COMPAT_UNISTD_H
#define AGENTVM_COMPAT_UNISTD_H
#ifdef __cplusplus
extern "C" {
#endif
int dup(int);
int dup2(int, int);
int pipe(int [2]);
int chown(const char *, uid_t, gid_t);
int fchown(int, uid_t, gid_t);
int lchown(const char *, uid_t, gid_t);
int fchownat(int, const char *, uid_t, gid_t, int);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int getgroups(int, gid_t []);
pid_t getppid(void);
int getdtablesize(void);
int setpgid(pid_t, pid_t);
pid_t getpgrp(void);
unsigned alarm(unsigned);
char *ttyname(int);
pid_t fork(void);
int execv(const char *, char *const []);
int execvp(const char *, char *const []);
int execve(const char *, char *const [], char *const []);
int execl(const char *, const char *, ...);
int execlp(const char *, const char *, ...);
#ifdef __cplusplus
}
#endif
#endif
