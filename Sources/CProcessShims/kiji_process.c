#include "kiji_process.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DEADLINE_SLOTS 64
#define MESSAGE_BYTES 512
#define CLEANUP_SLOTS 64
#define PATH_BYTES 4096

typedef struct {
    double deadline;                // CLOCK_MONOTONIC seconds; 0: free
    char message[MESSAGE_BYTES];
} deadline_slot;

static pthread_mutex_t deadline_lock = PTHREAD_MUTEX_INITIALIZER;
static deadline_slot deadlines[DEADLINE_SLOTS];
static int watchdog_started;
static int watchdog_disabled;

// Paths are written before `used` is set and read only when it is set, so a
// signal handler never sees half a path.
static char cleanup_paths[CLEANUP_SLOTS][PATH_BYTES];
static atomic_int cleanup_used[CLEANUP_SLOTS];

static double monotonic_now(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static void remove_registered_files(void) {
    for (int i = 0; i < CLEANUP_SLOTS; i++) {
        if (atomic_load(&cleanup_used[i]) == 1) unlink(cleanup_paths[i]);
    }
}

static void *watchdog_main(void *unused) {
    (void)unused;
    for (;;) {
        struct timespec pause = {0, 20 * 1000 * 1000};
        nanosleep(&pause, NULL);
        double now = monotonic_now();
        pthread_mutex_lock(&deadline_lock);
        for (int i = 0; i < DEADLINE_SLOTS; i++) {
            if (deadlines[i].deadline > 0 && now >= deadlines[i].deadline) {
                (void)kiji_write_all(2, deadlines[i].message, strlen(deadlines[i].message));
                remove_registered_files();
                _exit(1);
            }
        }
        pthread_mutex_unlock(&deadline_lock);
    }
    return NULL;
}

void kiji_deadline_disable(void) {
    pthread_mutex_lock(&deadline_lock);
    watchdog_disabled = 1;
    pthread_mutex_unlock(&deadline_lock);
}

int kiji_deadline_arm(double seconds, const char *message) {
    if (!(seconds > 0) || watchdog_disabled) return -1;
    pthread_mutex_lock(&deadline_lock);
    int slot = -1;
    for (int i = 0; i < DEADLINE_SLOTS; i++) {
        if (deadlines[i].deadline == 0) { slot = i; break; }
    }
    if (slot >= 0) {
        strncpy(deadlines[slot].message, message ? message : "kiji: time limit reached\n", MESSAGE_BYTES - 1);
        deadlines[slot].message[MESSAGE_BYTES - 1] = '\0';
        deadlines[slot].deadline = monotonic_now() + seconds;
        if (!watchdog_started) {
            pthread_t thread;
            pthread_attr_t attributes;
            pthread_attr_init(&attributes);
            pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
            if (pthread_create(&thread, &attributes, watchdog_main, NULL) == 0) watchdog_started = 1;
            pthread_attr_destroy(&attributes);
        }
    }
    pthread_mutex_unlock(&deadline_lock);
    return slot;
}

void kiji_deadline_disarm(int slot) {
    if (slot < 0 || slot >= DEADLINE_SLOTS) return;
    pthread_mutex_lock(&deadline_lock);
    deadlines[slot].deadline = 0;
    pthread_mutex_unlock(&deadline_lock);
}

int kiji_cleanup_add(const char *path) {
    if (path == NULL || strlen(path) >= PATH_BYTES) return -1;
    for (int i = 0; i < CLEANUP_SLOTS; i++) {
        int expected = 0;
        // Claim the slot with 2 (reserved), fill the path, then publish with 1.
        if (atomic_compare_exchange_strong(&cleanup_used[i], &expected, 2)) {
            strcpy(cleanup_paths[i], path);
            atomic_store(&cleanup_used[i], 1);
            return i;
        }
    }
    return -1;
}

void kiji_cleanup_remove(int slot) {
    if (slot < 0 || slot >= CLEANUP_SLOTS) return;
    atomic_store(&cleanup_used[slot], 0);
}

static void cleanup_and_reraise(int signal_number) {
    for (int i = 0; i < CLEANUP_SLOTS; i++) {
        if (atomic_load(&cleanup_used[i]) == 1) unlink(cleanup_paths[i]);
    }
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signal_number, &fallback, NULL);
    raise(signal_number);
}

void kiji_install_signal_cleanup(void) {
    static int installed;
    if (installed) return;
    installed = 1;
    const int signals[] = {SIGINT, SIGTERM, SIGHUP};
    // A mask inherited from the parent would hold these signals back until
    // exit; a parent that wants them ignored sets SIG_IGN, which is kept.
    sigset_t unblock;
    sigemptyset(&unblock);
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaddset(&unblock, signals[i]);
    pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction current;
        // A signal the parent chose to ignore stays ignored (nohup, shells).
        if (sigaction(signals[i], NULL, &current) == 0 && current.sa_handler == SIG_IGN) continue;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = cleanup_and_reraise;
        sigemptyset(&action.sa_mask);
        sigaction(signals[i], &action, NULL);
    }
}

int kiji_write_all(int fd, const void *bytes, size_t size) {
    const char *next = (const char *)bytes;
    while (size > 0) {
        ssize_t written = write(fd, next, size);
        if (written < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                struct pollfd wait = {fd, POLLOUT, 0};
                if (poll(&wait, 1, -1) < 0 && errno != EINTR) return errno;
                continue;
            }
            return errno;
        }
        if (written == 0) return EIO;
        next += written;
        size -= (size_t)written;
    }
    return 0;
}

void kiji_reserve_standard_fds(int closed[3]) {
    for (int fd = 0; fd < 3; fd++) {
        closed[fd] = 0;
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        closed[fd] = 1;
        int opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
        if (opened >= 0 && opened != fd) {
            dup2(opened, fd);
            close(opened);
        }
    }
}
