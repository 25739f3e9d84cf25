/* agentvm compat: terminal ioctls (Linux request numbers, src/fd.c). wasi-libc's header has
 * only FIONREAD/FIONBIO (its own numbers, still accepted). */
#include_next <sys/ioctl.h>
#ifndef AGENTVM_COMPAT_SYS_IOCTL_H
#define AGENTVM_COMPAT_SYS_IOCTL_H
#define __NEED_struct_winsize
#include <bits/alltypes.h>
#define TCGETS     0x5401
#define TCSETS     0x5402
#define TCSETSW    0x5403
#define TCSETSF    0x5404
#define TCFLSH     0x540B
#define TIOCGPGRP  0x540F
#define TIOCSPGRP  0x5410
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414
#define TIOCGSID   0x5429
#endif
