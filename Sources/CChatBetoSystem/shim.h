#ifndef CHATBETO_CSYSTEM_SHIM_H
#define CHATBETO_CSYSTEM_SHIM_H
#include <stdio.h>
#include <signal.h>
#include <locale.h>
#include <unistd.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <time.h>
#include <string.h>
#include <pthread.h>
#include <poll.h>

extern char **environ;
/* A GNU extension that <string.h> declares only under _GNU_SOURCE (ByteSearch.swift uses it). */
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);

/* stdio globals are not concurrency-safe in Swift 6: reach them through functions. */
static inline FILE *chatbeto_stdout(void) { return stdout; }
static inline FILE *chatbeto_stderr(void) { return stderr; }
static inline FILE *chatbeto_stdin(void) { return stdin; }

static inline int chatbeto_terminal_columns(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 0;
}

static inline int chatbeto_terminal_rows(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) return ws.ws_row;
    return 0;
}

static inline int chatbeto_isatty(int fd) { return isatty(fd); }

/* 1 when `fd` has input ready within `milliseconds` (pasted lines still queued after the first). */
static inline int chatbeto_input_pending(int fd, int milliseconds) {
    struct pollfd p = { .fd = fd, .events = POLLIN, .revents = 0 };
    return poll(&p, 1, milliseconds) == 1 && (p.revents & POLLIN) ? 1 : 0;
}

/* Starts `/bin/sh -c command` with the environment `envp` and its stdin reading from a new pipe
   whose write end is stored in *write_fd. SIGPIPE, SIGINT and SIGQUIT are reset to their defaults in the
   child whatever this process does with them. Returns the pid, or -1 with errno set. */
static inline pid_t chatbeto_spawn_shell(const char *command, int *write_fd, char *const *envp) {
    int fds[2];
    /* Both ends close-on-exec so processes spawned by other threads do not inherit them;
       dup2 onto the child's stdin clears the flag there. */
#ifdef __linux__
    if (pipe2(fds, O_CLOEXEC) != 0) return -1;
#else
    if (pipe(fds) != 0) return -1;
    (void)fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    (void)fcntl(fds[1], F_SETFD, FD_CLOEXEC);
#endif
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
    if (fds[0] != 0) posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawnattr_init(&attr);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGQUIT);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    sigset_t empty;
    sigemptyset(&empty);
    posix_spawnattr_setsigmask(&attr, &empty);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    char *argv[] = { "sh", "-c", (char *)command, NULL };
    pid_t pid;
    int rc = posix_spawn(&pid, "/bin/sh", &actions, &attr, argv, envp);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    close(fds[0]);
    if (rc != 0) { close(fds[1]); errno = rc; return -1; }
    *write_fd = fds[1];
    return pid;
}

/* write(2) with SIGPIPE blocked for the calling thread, so a reader that went away yields
   a short count or -1/EPIPE instead of killing the process; a SIGPIPE raised by this write is
   consumed. */
static inline ssize_t chatbeto_write_nosigpipe(int fd, const void *buf, size_t len) {
    sigset_t pipe_set, old_mask, pending;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_set, &old_mask);
    sigpending(&pending);
    int was_pending = sigismember(&pending, SIGPIPE);
    ssize_t n;
    do { n = write(fd, buf, len); } while (n < 0 && errno == EINTR);
    int saved_errno = errno;
    /* Linux raises SIGPIPE even for a partial write cut short by the reader leaving, so look
       at what is pending rather than at the result. */
    if (!was_pending) {
        sigpending(&pending);
        if (sigismember(&pending, SIGPIPE)) {
            struct timespec zero = { 0, 0 };
            while (sigtimedwait(&pipe_set, NULL, &zero) < 0 && errno == EINTR) {}
        }
    }
    pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
    errno = saved_errno;
    return n;
}

/* Waits for `pid`; returns its exit code, 128+signal if it was killed, or -1 on error. */
static inline int chatbeto_wait_exit_code(pid_t pid) {
    int status;
    pid_t r;
    do { r = waitpid(pid, &status, 0); } while (r < 0 && errno == EINTR);
    if (r < 0) return -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

/* Ignores SIGINT and SIGQUIT (while a pager owns the terminal, as system(3) does) and
   returns the previous handlers for chatbeto_restore_interactive_signals. */
typedef struct { struct sigaction interrupt, quit; } chatbeto_saved_signals;

static inline chatbeto_saved_signals chatbeto_ignore_interactive_signals(void) {
    chatbeto_saved_signals saved;
    struct sigaction ignore;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGINT, &ignore, &saved.interrupt);
    sigaction(SIGQUIT, &ignore, &saved.quit);
    return saved;
}

static inline void chatbeto_restore_interactive_signals(chatbeto_saved_signals saved) {
    sigaction(SIGINT, &saved.interrupt, NULL);
    sigaction(SIGQUIT, &saved.quit, NULL);
}
/* Atomic int flags written from signal handlers. */
static inline void chatbeto_flag_store_sys(int *flag, int value) { __atomic_store_n(flag, value, __ATOMIC_SEQ_CST); }
static inline int chatbeto_flag_load_sys(int *flag) { return __atomic_load_n(flag, __ATOMIC_SEQ_CST); }
#endif
