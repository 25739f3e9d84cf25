/* agentvm compat: POSIX signal sets, sigaction and sigprocmask over wasi-libc's
 * emulated signal()/raise() (signals only ever come from raise() inside a WASI
 * process). Handlers installed with sigaction run on raise(); a blocked signal
 * raised by the process itself is a known gap (raise() delivers it at once). */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#define VALID(s) ((s) > 0 && (s) < NSIG)
#define BIT(s) (1ULL << ((s) - 1))

int sigemptyset(sigset_t *set) { *set = 0; return 0; }
int sigfillset(sigset_t *set) { *set = ~0ULL; return 0; }
int sigaddset(sigset_t *set, int s) { if (!VALID(s)) { errno = EINVAL; return -1; } *set |= BIT(s); return 0; }
int sigdelset(sigset_t *set, int s) { if (!VALID(s)) { errno = EINVAL; return -1; } *set &= ~BIT(s); return 0; }
int sigismember(const sigset_t *set, int s) { if (!VALID(s)) { errno = EINVAL; return -1; } return (*set & BIT(s)) != 0; }

static sigset_t blocked;
int sigprocmask(int how, const sigset_t *set, sigset_t *old) {
  sigset_t prev = blocked;
  if (set) {
    switch (how) {
      case SIG_BLOCK: blocked |= *set; break;
      case SIG_UNBLOCK: blocked &= ~*set; break;
      case SIG_SETMASK: blocked = *set; break;
      default: errno = EINVAL; return -1;
    }
    blocked &= ~(BIT(SIGKILL) | BIT(SIGSTOP));
  }
  if (old) *old = prev;
  return 0;
}
int pthread_sigmask(int how, const sigset_t *set, sigset_t *old) {
  return sigprocmask(how, set, old) == 0 ? 0 : errno;
}
int sigpending(sigset_t *set) { *set = 0; return 0; }
int sigsuspend(const sigset_t *mask) { (void)mask; errno = ENOSYS; return -1; }
int siginterrupt(int s, int flag) { (void)flag; if (!VALID(s)) { errno = EINVAL; return -1; } return 0; }

static struct sigaction actions[NSIG];
static void dispatch(int s) {
  struct sigaction *a = &actions[s];
  if (a->sa_flags & SA_SIGINFO) {
    siginfo_t info = { .si_signo = s, .si_code = 0 /* SI_USER */ };
    void (*f)(int, siginfo_t *, void *) = a->sa_sigaction;
    if (a->sa_flags & SA_RESETHAND) { a->sa_handler = SIG_DFL; signal(s, SIG_DFL); }
    else signal(s, dispatch);
    f(s, &info, NULL);
  } else {
    void (*f)(int) = a->sa_handler;
    if (a->sa_flags & SA_RESETHAND) { a->sa_handler = SIG_DFL; signal(s, SIG_DFL); }
    else signal(s, dispatch);
    f(s);
  }
}
int sigaction(int s, const struct sigaction *act, struct sigaction *old) {
  if (!VALID(s) || (act && (s == SIGKILL || s == SIGSTOP))) { errno = EINVAL; return -1; }
  if (old) *old = actions[s];
  if (act) {
    actions[s] = *act;
    void (*h)(int) = act->sa_handler;
    if (!(act->sa_flags & SA_SIGINFO) && (h == SIG_DFL || h == SIG_IGN)) signal(s, h);
    else signal(s, dispatch);
  }
  return 0;
}

/* Only the process itself can be signalled until the kernel offers kill(). */
int kill(pid_t pid, int s) {
  if (s != 0 && !VALID(s)) { errno = EINVAL; return -1; }
  if (pid == getpid() || pid == 0) return s ? raise(s) : 0;
  errno = ENOSYS;
  return -1;
}
