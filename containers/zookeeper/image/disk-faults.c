/*
 * disk-faults: an LD_PRELOAD shim in the ZooKeeper image that lets the harness make a member's disk slow or
 * full at run time, without a tmpfs (which a restart would wipe) and without touching the host's disks.
 *
 *   /run/zkh-disk/fsync-delay-ms   holds N: every fsync, fdatasync and sync_file_range sleeps N ms first
 *   /run/zkh-disk/full             holds 1: every write under $ZKH_DISK_DIR fails with ENOSPC (0: healthy)
 *
 * The harness writes the files with the engine's put-archive, which works on a stopped container too.
 * The delay is read at every sync; the full switch at most every 100 ms (a clock check per write, no system
 * call). Both live in the container's own filesystem, so a fault outlives a restart of the member, as a full disk would.
 * ZooKeeper's transaction log goes through write/pwrite(64)/writev and is made durable with fdatasync (Java's
 * FileChannel.force(false)); snapshots with write and fsync.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

static int full;
static long long checked_ns = -1000000000LL;

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* The first number in a control file, 0 when it is missing or empty. */
static long control(const char *path) {
  FILE *f = fopen(path, "re");
  long value = 0;
  if (f) { if (fscanf(f, "%ld", &value) != 1) value = 0; fclose(f); }
  return value;
}

/* Read on every sync: syncs are few (one per group commit), and a fresh read leaves no thread a stale value. */
static void slow(void) {
  int saved = errno;
  long delay_ms = control("/run/zkh-disk/fsync-delay-ms");
  if (delay_ms > 0) {
    struct timespec t = { delay_ms / 1000, (delay_ms % 1000) * 1000000L };
    while (nanosleep(&t, &t) == -1 && errno == EINTR) {}
  }
  errno = saved;
}

/* Writes are many (every socket write too): the full switch is re-read at most every 100 ms. */
static int disk_full(void) {
  long long now = now_ns();
  if (now - checked_ns >= 100000000LL) {
    int saved = errno;
    full = control("/run/zkh-disk/full") == 1;
    checked_ns = now;
    errno = saved;
  }
  return full;
}

/* Whether this descriptor is a file under the data directory (only asked while the disk is "full"). */
static int data_file(int fd) {
  const char *dir = getenv("ZKH_DISK_DIR");
  if (!dir || !*dir) return 0;
  char link[64], path[PATH_MAX];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n <= 0) return 0;
  path[n] = 0;
  size_t len = strlen(dir);
  return strncmp(path, dir, len) == 0 && (path[len] == '/' || path[len] == 0);
}

static int no_space(int fd) {
  if (disk_full() && data_file(fd)) { errno = ENOSPC; return 1; }
  return 0;
}

/* The next definition of `name` (libc's), typed by its own declaration in the system headers. */
#define REAL(name) static __typeof__(&name) real_##name; if (!real_##name) real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

int fsync(int fd) { REAL(fsync); slow(); return real_fsync(fd); }
int fdatasync(int fd) { REAL(fdatasync); slow(); return real_fdatasync(fd); }
int sync_file_range(int fd, off64_t offset, off64_t nbytes, unsigned int flags) {
  REAL(sync_file_range);
  slow();
  return real_sync_file_range(fd, offset, nbytes, flags);
}

ssize_t write(int fd, const void *buf, size_t n) {
  REAL(write);
  if (no_space(fd)) return -1;
  return real_write(fd, buf, n);
}
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off) {
  REAL(pwrite);
  if (no_space(fd)) return -1;
  return real_pwrite(fd, buf, n, off);
}
ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off) {
  REAL(pwrite64);
  if (no_space(fd)) return -1;
  return real_pwrite64(fd, buf, n, off);
}
ssize_t writev(int fd, const struct iovec *iov, int count) {
  REAL(writev);
  if (no_space(fd)) return -1;
  return real_writev(fd, iov, count);
}
