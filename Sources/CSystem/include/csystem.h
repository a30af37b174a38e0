// Linux calls that Swift's Glibc module does not import (epoll, eventfd, signal handlers, mallopt, CPU affinity), behind plain signatures.
#ifndef GERBANG_CSYSTEM_H
#define GERBANG_CSYSTEM_H

#include <stdint.h>

typedef struct {
    uint32_t events;
    uint64_t token;
} gerbang_epoll_event;

enum {
    GERBANG_EPOLLIN = 0x001,
    GERBANG_EPOLLOUT = 0x004,
    GERBANG_EPOLLERR = 0x008,
    GERBANG_EPOLLHUP = 0x010,
    GERBANG_EPOLLEXCLUSIVE = 1 << 28,
    GERBANG_EPOLL_CTL_ADD = 1,
    GERBANG_EPOLL_CTL_DEL = 2,
    GERBANG_EPOLL_CTL_MOD = 3,
};

/// epoll_create1(EPOLL_CLOEXEC)
int gerbang_epoll_create(void);
/// epoll_ctl with an event carrying `token` in `data.u64`
int gerbang_epoll_ctl(int epfd, int operation, int fd, uint32_t events, uint64_t token);
/// epoll_wait into an array of unpacked events (at most 256 per call)
int gerbang_epoll_wait(int epfd, gerbang_epoll_event *events, int capacity, int timeout_ms);
/// eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)
int gerbang_eventfd(void);
/// Installs a handler for each of `signals` that writes the signal's number as one byte to a pipe, and
/// returns the pipe's non-blocking read end (-1 on failure): the self-pipe trick, so a poll loop can wait
/// for signals and file descriptors together. One pipe per process; a second call replaces the first.
int gerbang_signal_pipe(const int *signals, int count);
/// fcntl(fd, F_DUPFD_CLOEXEC, minimum)
int gerbang_dup_cloexec_above(int fd, int minimum);
/// mallopt(M_ARENA_MAX, arenas): glibc's malloc.h is not in Swift's Glibc module
int gerbang_limit_malloc_arenas(int arenas);
/// The CPUs the calling thread may run on (sched_getaffinity; CPU_COUNT is a macro), else the online CPUs
int gerbang_available_cores(void);

#endif
