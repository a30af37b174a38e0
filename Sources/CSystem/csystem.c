#define _GNU_SOURCE
#include "csystem.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

int gerbang_epoll_create(void) {
    return epoll_create1(EPOLL_CLOEXEC);
}

int gerbang_epoll_ctl(int epfd, int operation, int fd, uint32_t events, uint64_t token) {
    struct epoll_event event = {.events = events, .data.u64 = token};
    return epoll_ctl(epfd, operation, fd, &event);
}

int gerbang_epoll_wait(int epfd, gerbang_epoll_event *events, int capacity, int timeout_ms) {
    struct epoll_event ready[256];
    if (capacity > 256) capacity = 256;
    int count = epoll_wait(epfd, ready, capacity, timeout_ms);
    for (int i = 0; i < count; i++) {
        events[i].events = ready[i].events;
        events[i].token = ready[i].data.u64;
    }
    return count;
}

int gerbang_eventfd(void) {
    return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

static int gerbang_signal_write_fd = -1;

// Runs in signal context: only async-signal-safe calls, and errno left as the interrupted code had it.
static void gerbang_signal_to_pipe(int number) {
    int saved = errno;
    unsigned char byte = (unsigned char)number;
    (void)!write(gerbang_signal_write_fd, &byte, 1);
    errno = saved;
}

int gerbang_signal_pipe(const int *signals, int count) {
    int ends[2];
    if (pipe(ends) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(ends[i], F_SETFD, FD_CLOEXEC);
        fcntl(ends[i], F_SETFL, fcntl(ends[i], F_GETFL) | O_NONBLOCK);
    }
    gerbang_signal_write_fd = ends[1];
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = gerbang_signal_to_pipe;
    action.sa_flags = SA_RESTART | SA_NOCLDSTOP;
    sigemptyset(&action.sa_mask);
    sigset_t unblocked;
    sigemptyset(&unblocked);
    for (int i = 0; i < count; i++) {
        if (sigaction(signals[i], &action, NULL) != 0) return -1;
        sigaddset(&unblocked, signals[i]);
    }
    pthread_sigmask(SIG_UNBLOCK, &unblocked, NULL);
    return ends[0];
}

int gerbang_dup_cloexec_above(int fd, int minimum) {
    return fcntl(fd, F_DUPFD_CLOEXEC, minimum);
}

int gerbang_limit_malloc_arenas(int arenas) {
    return mallopt(M_ARENA_MAX, arenas);
}

int gerbang_available_cores(void) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0) {
        int count = CPU_COUNT(&set);
        if (count > 0) return count;
    }
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    return online > 0 ? (int)online : 1;
}
