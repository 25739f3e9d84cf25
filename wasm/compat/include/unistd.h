/* agentvm compat: unistd calls WASI preview1 lacks, backed by the kernel (src/ids.c, src/fd.c,
 * src/cwd.c, src/process.c, src/signals.c, src/termios.c). fork/vfork exist but fail with ENOSYS. */
#include_next <unistd.h>
#ifndef AGENTVM_COMPAT_UNISTD_H
#define AGENTVM_COMPAT_UNISTD_H
#ifdef __cplusplus
extern "C" {
#endif
int dup(int);
int dup2(int, int);
int dup3(int, int, int);
int pipe(int [2]);
int pipe2(int [2], int);
int fchdir(int);
int chown(const char *, uid_t, gid_t);
int fchown(int, uid_t, gid_t);
int lchown(const char *, uid_t, gid_t);
int fchownat(int, const char *, uid_t, gid_t, int);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int getgroups(int, gid_t []);
pid_t getpid(void);
pid_t getppid(void);
pid_t getpgrp(void);
pid_t getpgid(pid_t);
int setpgid(pid_t, pid_t);
pid_t setsid(void);
pid_t getsid(pid_t);
int getdtablesize(void);
unsigned alarm(unsigned);
char *ttyname(int);
pid_t tcgetpgrp(int);
int tcsetpgrp(int, pid_t);
int ttyname_r(int, char *, size_t);
pid_t fork(void);
pid_t vfork(void);
int execv(const char *, char *const []);
int execvp(const char *, char *const []);
int execvpe(const char *, char *const [], char *const []);
int execve(const char *, char *const [], char *const []);
int execl(const char *, const char *, ...);
int execlp(const char *, const char *, ...);
int execle(const char *, const char *, ...);
#ifdef __cplusplus
}
#endif
#endif
