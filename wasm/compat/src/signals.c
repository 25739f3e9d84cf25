/* agentvm compat: POSIX signals for a WASM process (sigaction, signal, raise, kill, masks).
 * Replaces wasi-libc's emulated signal.o (signal, raise, bsd_signal, __sysv_signal, __SIG_IGN,
 * __SIG_ERR) so one table holds every disposition.
 *  - Dispositions start as the kernel's (SIG_IGN inherited from the parent stays ignored) and
 *    every change is mirrored to the kernel: SIG_IGN → ignore, anything else → default. Children
 *    inherit that, and SIGCHLD ignored auto-reaps children as on Linux.
 *  - Handlers run synchronously on raise() and kill(getpid(), …); a blocked signal stays
 *    pending until sigprocmask unblocks it. A signal from another process cannot run a handler
 *    (WebAssembly has no asynchronous entry): it takes the default action (known gap).
 *  - The default action of a raised signal is the kernel's: the process ends by that signal
 *    (the parent sees WIFSIGNALED), stops for SIGTSTP/SIGSTOP, or nothing. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include "agentvm.h"

#define VALID(s) ((s) > 0 && (s) < NSIG)
#define BIT(s) (1ULL << ((s) - 1))
#define UNBLOCKABLE (BIT(SIGKILL) | BIT(SIGSTOP))

void __SIG_IGN(int s) { (void)s; }
void __SIG_ERR(int s) { (void)s; __builtin_trap(); }

static struct sigaction actions[NSIG];
static unsigned char seeded[NSIG];
static sigset_t blocked, pending;

static int ignored(const struct sigaction *a) { return !(a->sa_flags & SA_SIGINFO) && a->sa_handler == SIG_IGN; }
static int defaulted(const struct sigaction *a) { return !(a->sa_flags & SA_SIGINFO) && a->sa_handler == SIG_DFL; }

int __agentvm_sigdisp_init(int s) {
  if (seeded[s]) return 0;
  seeded[s] = 1;
  int old = 0;
  if (__agentvm_proc_signal(s, -1, &old) == 0 && old == 1) actions[s].sa_handler = SIG_IGN;
  return 0;
}

static int default_action(int s) {
  int e = __agentvm_proc_kill(getpid(), s);
  if (e != ENOSYS) return __agentvm_set_errno(e);
  switch (s) {                                  /* no kernel: end the process for the terminating ones */
    case SIGCHLD: case SIGCONT: case SIGURG: case SIGWINCH:
    case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
      return 0;
    default:
      _Exit(128 + s);
  }
}

static void deliver_pending(void);

static int deliver(int s) {
  struct sigaction *a = &actions[s];
  if (ignored(a)) return 0;
  if (defaulted(a)) return default_action(s);
  struct sigaction act = *a;
  sigset_t saved = blocked;
  blocked |= act.sa_mask;
  if (!(act.sa_flags & SA_NODEFER)) blocked |= BIT(s);
  blocked &= ~UNBLOCKABLE;
  if (act.sa_flags & SA_RESETHAND) {
    a->sa_handler = SIG_DFL;
    a->sa_flags &= ~SA_SIGINFO;
  }
  if (act.sa_flags & SA_SIGINFO) {
    siginfo_t info = { .si_signo = s, .si_code = 0 /* SI_USER */, .si_pid = getpid(), .si_uid = getuid() };
    act.sa_sigaction(s, &info, NULL);
  } else {
    act.sa_handler(s);
  }
  blocked = saved;
  deliver_pending();
  return 0;
}

static void deliver_pending(void) {
  sigset_t ready;
  while ((ready = pending & ~blocked) != 0) {
    int s = __builtin_ctzll(ready) + 1;
    pending &= ~BIT(s);
    deliver(s);
  }
}

int raise(int s) {
  if (!VALID(s)) { errno = EINVAL; return -1; }
  __agentvm_sigdisp_init(s);
  if (blocked & BIT(s)) { pending |= BIT(s); return 0; }
  return deliver(s);
}

int sigaction(int s, const struct sigaction *act, struct sigaction *old) {
  if (!VALID(s) || (act && (s == SIGKILL || s == SIGSTOP))) { errno = EINVAL; return -1; }
  __agentvm_sigdisp_init(s);
  if (old) *old = actions[s];
  if (act) {
    actions[s] = *act;
    int prev;
    __agentvm_proc_signal(s, ignored(act) ? 1 : 0, &prev);
    if (ignored(act)) pending &= ~BIT(s);
  }
  return 0;
}

void (*signal(int s, void (*h)(int)))(int) {
  struct sigaction sa = { .sa_handler = h, .sa_flags = SA_RESTART }, old;
  if (sigaction(s, &sa, &old) < 0) return SIG_ERR;
  return old.sa_handler;
}
void (*bsd_signal(int s, void (*h)(int)))(int) { return signal(s, h); }
void (*__sysv_signal(int s, void (*h)(int)))(int) {
  struct sigaction sa = { .sa_handler = h, .sa_flags = SA_RESETHAND | SA_NODEFER }, old;
  if (sigaction(s, &sa, &old) < 0) return SIG_ERR;
  return old.sa_handler;
}

int sigemptyset(sigset_t *set) { *set = 0; return 0; }
int sigfillset(sigset_t *set) { *set = ~0ULL; return 0; }
int sigaddset(sigset_t *set, int s) { if (!VALID(s)) { errno = EINVAL; return -1; } *set |= BIT(s); return 0; }
int sigdelset(sigset_t *set, int s) { if (!VALID(s)) { errno = EINVAL; return -1; } *set &= ~BIT(s); return 0; }
int sigismember(const sigset_t *set, int s) { if (!VALID(s)) { errno = EINVAL; return -1; } return (*set & BIT(s)) != 0; }

int sigprocmask(int how, const sigset_t *set, sigset_t *old) {
  sigset_t prev = blocked;
  if (set) {
    switch (how) {
      case SIG_BLOCK: blocked |= *set; break;
      case SIG_UNBLOCK: blocked &= ~*set; break;
      case SIG_SETMASK: blocked = *set; break;
      default: errno = EINVAL; return -1;
    }
    blocked &= ~UNBLOCKABLE;
  }
  if (old) *old = prev;
  deliver_pending();
  return 0;
}
int pthread_sigmask(int how, const sigset_t *set, sigset_t *old) {
  return sigprocmask(how, set, old) == 0 ? 0 : errno;
}
int sigpending(sigset_t *set) { *set = pending; return 0; }
/* Waiting for a signal: none can arrive asynchronously in a WASM process. */
int sigsuspend(const sigset_t *mask) { (void)mask; errno = ENOSYS; return -1; }
int siginterrupt(int s, int flag) {
  if (!VALID(s)) { errno = EINVAL; return -1; }
  __agentvm_sigdisp_init(s);
  if (flag) actions[s].sa_flags &= ~SA_RESTART; else actions[s].sa_flags |= SA_RESTART;
  return 0;
}

/* kill: the caller itself goes through raise() (its handlers run); others through the kernel. */
int kill(pid_t pid, int s) {
  if (s != 0 && !VALID(s)) { errno = EINVAL; return -1; }
  if (pid == getpid()) return s ? raise(s) : 0;
  int e = __agentvm_proc_kill(pid, s);
  if (e == ENOSYS && pid == 0) return s ? raise(s) : 0;
  return __agentvm_set_errno(e);
}
int killpg(pid_t pgrp, int s) {
  if (pgrp < 0) { errno = EINVAL; return -1; }
  return kill(-pgrp, s);
}
