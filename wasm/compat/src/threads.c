/* agentvm compat: C11 <threads.h> for single-threaded WASI processes (gnulib's
 * glthread layer uses them). Mutexes are real (re-locking a plain mutex is
 * reported as an error); thrd_create fails because WASI preview1 has no threads. */
#include <threads.h>
#include <stdlib.h>

int mtx_init(mtx_t *m, int type) { m->__u.__i[0] = 0; m->__u.__i[1] = type; return thrd_success; }
void mtx_destroy(mtx_t *m) { (void)m; }
int mtx_lock(mtx_t *m) {
  if (m->__u.__i[0] && !(m->__u.__i[1] & mtx_recursive)) return thrd_error;
  m->__u.__i[0]++; return thrd_success;
}
int mtx_trylock(mtx_t *m) {
  if (m->__u.__i[0] && !(m->__u.__i[1] & mtx_recursive)) return thrd_busy;
  m->__u.__i[0]++; return thrd_success;
}
int mtx_timedlock(mtx_t *restrict m, const struct timespec *restrict t) { (void)t; return mtx_trylock(m) == thrd_success ? thrd_success : thrd_timedout; }
int mtx_unlock(mtx_t *m) { if (m->__u.__i[0] <= 0) return thrd_error; m->__u.__i[0]--; return thrd_success; }

void call_once(once_flag *flag, void (*f)(void)) { if (*flag == 0) { *flag = 1; f(); } }

int cnd_init(cnd_t *c) { (void)c; return thrd_success; }
void cnd_destroy(cnd_t *c) { (void)c; }
int cnd_signal(cnd_t *c) { (void)c; return thrd_success; }
int cnd_broadcast(cnd_t *c) { (void)c; return thrd_success; }
int cnd_wait(cnd_t *c, mtx_t *m) { (void)c; (void)m; return thrd_error; } /* would wait forever */
int cnd_timedwait(cnd_t *restrict c, mtx_t *restrict m, const struct timespec *restrict t) { (void)c; (void)m; (void)t; return thrd_error; }

#define TSS_MAX 64
static void *tss_values[TSS_MAX];
static tss_dtor_t tss_dtors[TSS_MAX];
static unsigned tss_used;
int tss_create(tss_t *key, tss_dtor_t dtor) {
  if (tss_used >= TSS_MAX) return thrd_error;
  *key = tss_used; tss_dtors[tss_used++] = dtor; return thrd_success;
}
void tss_delete(tss_t key) { if (key < TSS_MAX) tss_values[key] = NULL; }
int tss_set(tss_t key, void *v) { if (key >= tss_used) return thrd_error; tss_values[key] = v; return thrd_success; }
void *tss_get(tss_t key) { return key < tss_used ? tss_values[key] : NULL; }

int thrd_create(thrd_t *t, thrd_start_t f, void *arg) { (void)t; (void)f; (void)arg; return thrd_error; }
thrd_t thrd_current(void) { return (thrd_t)1; }
int (thrd_equal)(thrd_t a, thrd_t b) { return a == b; }
int thrd_detach(thrd_t t) { (void)t; return thrd_error; }
int thrd_join(thrd_t t, int *r) { (void)t; (void)r; return thrd_error; }
void thrd_yield(void) {}
_Noreturn void thrd_exit(int r) { exit(r); }
