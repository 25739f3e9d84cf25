/* agentvm compat: wasi-libc (2022) has pthread types in <sys/types.h> but no <pthread.h>
 * and no pthread functions. gnulib then builds its single-threaded pthread replacement,
 * which declares these types itself (as int): keep wasi-libc's out of the way. */
#define pthread_t __agentvm_wasi_pthread_t
#define pthread_attr_t __agentvm_wasi_pthread_attr_t
#define pthread_mutexattr_t __agentvm_wasi_pthread_mutexattr_t
#define pthread_condattr_t __agentvm_wasi_pthread_condattr_t
#define pthread_rwlockattr_t __agentvm_wasi_pthread_rwlockattr_t
#define pthread_barrierattr_t __agentvm_wasi_pthread_barrierattr_t
#define pthread_mutex_t __agentvm_wasi_pthread_mutex_t
#define pthread_cond_t __agentvm_wasi_pthread_cond_t
#define pthread_rwlock_t __agentvm_wasi_pthread_rwlock_t
#define pthread_barrier_t __agentvm_wasi_pthread_barrier_t
#define pthread_key_t __agentvm_wasi_pthread_key_t
#define pthread_once_t __agentvm_wasi_pthread_once_t
#define pthread_spinlock_t __agentvm_wasi_pthread_spinlock_t
#include_next <sys/types.h>
#undef pthread_t
#undef pthread_attr_t
#undef pthread_mutexattr_t
#undef pthread_condattr_t
#undef pthread_rwlockattr_t
#undef pthread_barrierattr_t
#undef pthread_mutex_t
#undef pthread_cond_t
#undef pthread_rwlock_t
#undef pthread_barrier_t
#undef pthread_key_t
#undef pthread_once_t
#undef pthread_spinlock_t
