#include "csystem.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>

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
