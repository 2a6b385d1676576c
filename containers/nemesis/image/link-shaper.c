/*
 * link-shaper: what netem would do, for a kernel without netem. Packets that an iptables NFQUEUE rule hands
 * over (in the target's network namespace, from the nemesis sidecar) are delayed, jittered, reordered, lost in
 * bursts or duplicated, then given back to the kernel.
 *
 *   link-shaper -q QUEUE [-d DELAY_MS] [-j JITTER_MS] [-r REORDER_SHARE] [-l LOSS_P -b LOSS_R] [-u DUP_SHARE]
 *               [-s STATS_FILE]
 *
 * Delay: each packet is released at max(arrival + delay ± uniform jitter, the previous release), so packets keep
 * their order (a FIFO ring, no heap), unless REORDER_SHARE of them are released at once, ahead of the queue.
 * Loss: Gilbert-Elliott; in the good state a packet moves to the bad state with probability LOSS_P, in the bad
 * state (every packet lost) it moves back with LOSS_R: mean loss LOSS_P/(LOSS_P+LOSS_R), mean burst 1/LOSS_R.
 * Duplication: a copy is sent through a raw socket with mark 0x2, which the NFQUEUE rule skips (one verdict per
 * packet: NFQUEUE cannot duplicate by itself).
 * On SIGTERM every held packet is released and the stats (how many, how late the releases were) are written.
 * Rules use --queue-bypass, so a shaper that dies passes traffic undelayed instead of dropping it.
 */
#define _GNU_SOURCE /* ppoll */
#include <arpa/inet.h>
#include <errno.h>
#include <libnetfilter_queue/libnetfilter_queue.h>
#include <linux/netfilter.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define RING 65536
#define LATE_BUCKETS 1001 /* 0..999 ms, and 1000+ */

struct held { uint32_t id; uint64_t due_ns; };

static struct held ring[RING];
static unsigned head, tail;
static uint64_t last_due_ns;
static double delay_ms, jitter_ms, reorder_share, loss_p, loss_r, dup_share;
static int bad_state, raw_fd = -1;
static unsigned long long seen, released, dropped, duplicated, reordered, passed_full;
static unsigned long long late[LATE_BUCKETS];
static volatile sig_atomic_t stopping;
static const char *stats_file = "/run/link-shaper.stats";

static uint64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static double uniform(void) { return (double)random() / ((double)RAND_MAX + 1.0); }

static void release(struct nfq_q_handle *q, uint32_t id, uint64_t due_ns) {
  uint64_t now = now_ns();
  uint64_t late_ms = now > due_ns ? (now - due_ns) / 1000000ull : 0;
  late[late_ms < LATE_BUCKETS - 1 ? late_ms : LATE_BUCKETS - 1]++;
  nfq_set_verdict(q, id, NF_ACCEPT, 0, NULL);
  released++;
}

static void release_due(struct nfq_q_handle *q, int everything) {
  uint64_t now = now_ns();
  while (head != tail && (everything || ring[head].due_ns <= now)) {
    release(q, ring[head].id, ring[head].due_ns);
    head = (head + 1) % RING;
  }
}

static void duplicate(const unsigned char *payload, int len) {
  if (raw_fd < 0 || len < (int)sizeof(struct iphdr)) return;
  const struct iphdr *ip = (const struct iphdr *)payload;
  if (ip->version != 4) return;
  struct sockaddr_in to = { .sin_family = AF_INET, .sin_addr.s_addr = ip->daddr };
  if (sendto(raw_fd, payload, (size_t)len, 0, (struct sockaddr *)&to, sizeof to) == len) duplicated++;
}

static int on_packet(struct nfq_q_handle *q, struct nfgenmsg *msg, struct nfq_data *data, void *unused) {
  (void)msg; (void)unused;
  struct nfqnl_msg_packet_hdr *ph = nfq_get_msg_packet_hdr(data);
  if (!ph) return 0;
  uint32_t id = ntohl(ph->packet_id);
  seen++;
  if (loss_p > 0) {
    if (bad_state) bad_state = uniform() >= loss_r;
    else bad_state = uniform() < loss_p;
    if (bad_state) { dropped++; return nfq_set_verdict(q, id, NF_DROP, 0, NULL); }
  }
  if (dup_share > 0 && uniform() < dup_share) {
    unsigned char *payload;
    int len = nfq_get_payload(data, &payload);
    if (len > 0) duplicate(payload, len);
  }
  if (delay_ms <= 0 && jitter_ms <= 0) { release(q, id, now_ns()); return 0; }
  if (reorder_share > 0 && uniform() < reorder_share) { reordered++; release(q, id, now_ns()); return 0; }
  if ((tail + 1) % RING == head) { passed_full++; release(q, id, now_ns()); return 0; }
  double wait_ms = delay_ms + (jitter_ms > 0 ? (uniform() * 2.0 - 1.0) * jitter_ms : 0.0);
  uint64_t due = now_ns() + (uint64_t)(wait_ms > 0 ? wait_ms * 1e6 : 0);
  if (due < last_due_ns) due = last_due_ns; /* no overtaking: order is kept */
  last_due_ns = due;
  ring[tail].id = id;
  ring[tail].due_ns = due;
  tail = (tail + 1) % RING;
  return 0;
}

static unsigned long long percentile_ms(double share) {
  unsigned long long total = 0, running = 0;
  for (int i = 0; i < LATE_BUCKETS; i++) total += late[i];
  if (total == 0) return 0;
  for (int i = 0; i < LATE_BUCKETS; i++) {
    running += late[i];
    if ((double)running >= share * (double)total) return (unsigned long long)i;
  }
  return LATE_BUCKETS - 1;
}

static void write_stats(void) {
  int max_late = 0;
  for (int i = 0; i < LATE_BUCKETS; i++) if (late[i]) max_late = i;
  FILE *f = fopen(stats_file, "w");
  if (!f) return;
  fprintf(f, "{\"packets\":%llu,\"released\":%llu,\"dropped\":%llu,\"duplicated\":%llu,\"reordered\":%llu,\"passedQueueFull\":%llu,"
             "\"lateMs\":{\"p50\":%llu,\"p99\":%llu,\"max\":%d}}\n",
          seen, released, dropped, duplicated, reordered, passed_full, percentile_ms(0.5), percentile_ms(0.99), max_late);
  fclose(f);
}

static void on_term(int sig) { (void)sig; stopping = 1; }

int main(int argc, char **argv) {
  int queue = -1, opt;
  while ((opt = getopt(argc, argv, "q:d:j:r:l:b:u:s:")) != -1) {
    switch (opt) {
      case 'q': queue = atoi(optarg); break;
      case 'd': delay_ms = atof(optarg); break;
      case 'j': jitter_ms = atof(optarg); break;
      case 'r': reorder_share = atof(optarg); break;
      case 'l': loss_p = atof(optarg); break;
      case 'b': loss_r = atof(optarg); break;
      case 'u': dup_share = atof(optarg); break;
      case 's': stats_file = optarg; break;
      default: fprintf(stderr, "usage: link-shaper -q QUEUE [-d MS] [-j MS] [-r SHARE] [-l P -b R] [-u SHARE] [-s FILE]\n"); return 2;
    }
  }
  if (queue < 0 || delay_ms < 0 || jitter_ms < 0 || (loss_p > 0 && loss_r <= 0)) {
    fprintf(stderr, "link-shaper: a queue number is required; delays are >= 0; burst loss needs -b > 0\n");
    return 2;
  }
  srandom((unsigned)now_ns());
  struct sigaction sa = { .sa_handler = on_term };
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);

  struct nfq_handle *h = nfq_open();
  if (!h) { perror("nfq_open"); return 1; }
  struct nfq_q_handle *q = nfq_create_queue(h, (uint16_t)queue, &on_packet, NULL);
  if (!q) { perror("nfq_create_queue"); return 1; }
  if (nfq_set_mode(q, NFQNL_COPY_PACKET, 0xffff) < 0) { perror("nfq_set_mode"); return 1; }
  nfq_set_queue_maxlen(q, 10000);
  int fd = nfq_fd(h);
  int one = 1, rcvbuf = 16 << 20;
  setsockopt(fd, SOL_NETLINK, NETLINK_NO_ENOBUFS, &one, sizeof one);
  setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof rcvbuf);
  if (dup_share > 0) {
    raw_fd = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
    int mark = 2;
    if (raw_fd < 0 || setsockopt(raw_fd, SOL_SOCKET, SO_MARK, &mark, sizeof mark) < 0) { perror("raw socket"); return 1; }
  }
  printf("link-shaper: queue %d, delay %.1f ms ± %.1f, reorder %.3f, loss p=%.4f r=%.4f, duplicate %.3f\n",
         queue, delay_ms, jitter_ms, reorder_share, loss_p, loss_r, dup_share);
  fflush(stdout);

  char buf[0x10000] __attribute__((aligned));
  struct pollfd pfd = { .fd = fd, .events = POLLIN };
  while (!stopping) {
    struct timespec wait = { .tv_sec = 1, .tv_nsec = 0 };
    if (head != tail) {
      uint64_t now = now_ns(), due = ring[head].due_ns;
      uint64_t ns = due > now ? due - now : 0;
      wait.tv_sec = (time_t)(ns / 1000000000ull);
      wait.tv_nsec = (long)(ns % 1000000000ull);
    }
    int ready = ppoll(&pfd, 1, &wait, NULL);
    if (ready > 0) {
      /* Drain what is there without blocking, so a burst is handled in one wake-up. */
      for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n <= 0) break;
        nfq_handle_packet(h, buf, (int)n);
      }
    } else if (ready < 0 && errno != EINTR) {
      perror("ppoll");
      break;
    }
    release_due(q, 0);
  }
  release_due(q, 1);
  write_stats();
  nfq_destroy_queue(q);
  nfq_close(h);
  return 0;
}
