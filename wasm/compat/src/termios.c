/* agentvm compat: termios over the kernel's terminal ioctls (TCGETS/TCSETS*, TCFLSH,
 * TIOC[GS]PGRP, TIOCGSID; see src/fd.c ioctl). A pseudo-terminal has no line speed: the
 * speed bits are stored in c_cflag like Linux's and read back. Output is processed as it is
 * written, so tcdrain has nothing to wait for; tcsendbreak sends nothing (no serial line);
 * tcflow fails with ENOSYS (the kernel has no output suspension request). */
#include <errno.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

speed_t cfgetospeed(const struct termios *t) { return t->c_cflag & CBAUD; }
speed_t cfgetispeed(const struct termios *t) { return cfgetospeed(t); }
int cfsetospeed(struct termios *t, speed_t s) {
  if (s & ~CBAUD) { errno = EINVAL; return -1; }
  t->c_cflag = (t->c_cflag & ~CBAUD) | s;
  t->__c_ispeed = t->__c_ospeed = s;
  return 0;
}
int cfsetispeed(struct termios *t, speed_t s) { return s ? cfsetospeed(t, s) : 0; }
int cfsetspeed(struct termios *t, speed_t s) { return cfsetospeed(t, s); }
void cfmakeraw(struct termios *t) {
  t->c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
  t->c_oflag &= ~OPOST;
  t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
  t->c_cflag = (t->c_cflag & ~(CSIZE | PARENB)) | CS8;
  t->c_cc[VMIN] = 1;
  t->c_cc[VTIME] = 0;
}
int tcgetattr(int fd, struct termios *t) { return ioctl(fd, TCGETS, t); }
int tcsetattr(int fd, int act, const struct termios *t) {
  switch (act) {
    case TCSANOW: return ioctl(fd, TCSETS, t);
    case TCSADRAIN: return ioctl(fd, TCSETSW, t);
    case TCSAFLUSH: return ioctl(fd, TCSETSF, t);
    default: errno = EINVAL; return -1;
  }
}
int tcflush(int fd, int queue) { return ioctl(fd, TCFLSH, queue); }
int tcdrain(int fd) { struct termios t; return tcgetattr(fd, &t); }
int tcsendbreak(int fd, int dur) { (void)dur; struct termios t; return tcgetattr(fd, &t); }
int tcflow(int fd, int action) {
  (void)action;
  struct termios t;
  if (tcgetattr(fd, &t) != 0) return -1;
  errno = ENOSYS;
  return -1;
}
pid_t tcgetpgrp(int fd) { int pg; return ioctl(fd, TIOCGPGRP, &pg) ? -1 : pg; }
int tcsetpgrp(int fd, pid_t pg) { int v = pg; return ioctl(fd, TIOCSPGRP, &v); }
pid_t tcgetsid(int fd) { int sid; return ioctl(fd, TIOCGSID, &sid) ? -1 : sid; }
