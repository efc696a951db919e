#ifndef CHATBETO_CSYSTEM_SHIM_H
#define CHATBETO_CSYSTEM_SHIM_H
#include <stdio.h>
#include <signal.h>
#include <locale.h>
#include <unistd.h>
#include <termios.h>
#include <sys/ioctl.h>

/* stdio globals are not concurrency-safe in Swift 6: reach them through functions. */
static inline FILE *chatbeto_stdout(void) { return stdout; }
static inline FILE *chatbeto_stderr(void) { return stderr; }
static inline FILE *chatbeto_stdin(void) { return stdin; }

static inline int chatbeto_terminal_columns(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 0;
}
#endif
