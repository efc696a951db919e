#ifndef CHATBETO_CEDITLINE_SHIM_H
#define CHATBETO_CEDITLINE_SHIM_H
#include <stdio.h>
#include <histedit.h>

/* el_set / el_get / history are variadic: typed wrappers only. */
typedef const char *(*chatbeto_prompt_fn)(EditLine *);
typedef unsigned char (*chatbeto_el_fn)(EditLine *, int);

static inline int chatbeto_el_set_prompt(EditLine *e, chatbeto_prompt_fn f) { return el_set(e, EL_PROMPT, f); }
static inline int chatbeto_el_set_editor(EditLine *e, const char *mode) { return el_set(e, EL_EDITOR, mode); }
static inline int chatbeto_el_set_history(EditLine *e, History *h) { return el_set(e, EL_HIST, history, h); }
static inline int chatbeto_el_set_signal(EditLine *e, int on) { return el_set(e, EL_SIGNAL, on); }
static inline int chatbeto_el_set_clientdata(EditLine *e, void *d) { return el_set(e, EL_CLIENTDATA, d); }
static inline void *chatbeto_el_get_clientdata(EditLine *e) { void *d = NULL; el_get(e, EL_CLIENTDATA, &d); return d; }
static inline int chatbeto_el_add_function(EditLine *e, const char *name, const char *help, chatbeto_el_fn f) {
    return el_set(e, EL_ADDFN, name, help, f);
}
static inline int chatbeto_el_bind(EditLine *e, const char *key, const char *fn) { return el_set(e, EL_BIND, key, fn, NULL); }
static inline int chatbeto_el_set_getcfn(EditLine *e, el_rfunc_t f) { return el_set(e, EL_GETCFN, f); }
static inline int chatbeto_el_source_default(EditLine *e) { return el_source(e, NULL); }

static inline int chatbeto_history_set_size(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int chatbeto_history_set_unique(History *h, int u) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, u); }
static inline int chatbeto_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int chatbeto_history_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
static inline int chatbeto_history_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }
static inline History *chatbeto_history_init(void) { return history_init(); }
#endif
