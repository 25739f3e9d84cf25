/* agentvm compat: process creation. WASI preview1 has none; these fail with ENOSYS
 * ("Function not implemented") until the kernel offers spawn/wait (README.md). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

pid_t fork(void) { errno = ENOSYS; return -1; }
int execve(const char *p, char *const a[], char *const e[]) { (void)p; (void)a; (void)e; errno = ENOSYS; return -1; }
int execv(const char *p, char *const a[]) { (void)p; (void)a; errno = ENOSYS; return -1; }
int execvp(const char *p, char *const a[]) { (void)p; (void)a; errno = ENOSYS; return -1; }
int execl(const char *p, const char *a, ...) { (void)p; (void)a; errno = ENOSYS; return -1; }
int execlp(const char *p, const char *a, ...) { (void)p; (void)a; errno = ENOSYS; return -1; }
pid_t wait(int *s) { (void)s; errno = ECHILD; return -1; }
pid_t waitpid(pid_t p, int *s, int o) { (void)p; (void)s; (void)o; errno = ECHILD; return -1; }
pid_t getppid(void) { return 1; }
/* No process groups: every process is alone in its own group. */
pid_t getpgrp(void) { return getpid(); }
int setpgid(pid_t p, pid_t g) { if ((p == 0 || p == getpid()) && (g == 0 || g == getpid())) return 0; errno = ESRCH; return -1; }
/* No timers that could deliver SIGALRM: alarm() reports no previous alarm and schedules
 * nothing (timeout(1) cannot work without process spawn anyway). Known gap, README.md. */
unsigned alarm(unsigned s) { (void)s; return 0; }
/* No terminal names in WASI. */
char *ttyname(int fd) { errno = isatty(fd) ? ENOSYS : ENOTTY; return NULL; }
/* wasi-libc keeps time in UTC only: there is no time zone to load. */
void tzset(void) {}
FILE *popen(const char *c, const char *m) { (void)c; (void)m; errno = ENOSYS; return NULL; }
int pclose(FILE *f) { (void)f; errno = ECHILD; return -1; }
int system(const char *c) { if (!c) return 0; /* no shell available */ errno = ENOSYS; return -1; }
