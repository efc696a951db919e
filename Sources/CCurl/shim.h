#ifndef CHATBETO_CCURL_SHIM_H
#define CHATBETO_CCURL_SHIM_H
#include <curl/curl.h>

/* curl_easy_setopt / curl_easy_getinfo are variadic: typed wrappers only. */
typedef size_t (*chatbeto_curl_data_fn)(char *, size_t, size_t, void *);
typedef int (*chatbeto_curl_xferinfo_fn)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t);

static inline CURLcode chatbeto_curl_set_string(CURL *c, CURLoption o, const char *v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode chatbeto_curl_set_long(CURL *c, CURLoption o, long v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode chatbeto_curl_set_pointer(CURL *c, CURLoption o, void *v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode chatbeto_curl_set_slist(CURL *c, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode chatbeto_curl_set_data_fn(CURL *c, CURLoption o, chatbeto_curl_data_fn f) { return curl_easy_setopt(c, o, f); }
static inline CURLcode chatbeto_curl_set_xferinfo_fn(CURL *c, chatbeto_curl_xferinfo_fn f) { return curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, f); }
static inline CURLcode chatbeto_curl_set_postfields(CURL *c, const char *data, long size) {
    CURLcode r = curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, size);
    if (r != CURLE_OK) return r;
    return curl_easy_setopt(c, CURLOPT_COPYPOSTFIELDS, data);
}
static inline CURLcode chatbeto_curl_set_off_t(CURL *c, CURLoption o, curl_off_t v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode chatbeto_curl_get_response_code(CURL *c, long *code) { return curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, code); }

/* A lock-free flag (cancellation): one atomic store/load, safe from a signal handler. */
static inline void chatbeto_flag_store(int *flag, int value) { __atomic_store_n(flag, value, __ATOMIC_SEQ_CST); }
static inline int chatbeto_flag_load(const int *flag) { return __atomic_load_n(flag, __ATOMIC_SEQ_CST); }
#endif
