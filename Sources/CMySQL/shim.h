#ifndef CHATBETO_CMYSQL_SHIM_H
#define CHATBETO_CMYSQL_SHIM_H
#include <stddef.h>
#include <stdbool.h>
#include <mysql.h>

/* mysql_library_init is a macro; call once per process. */
static inline int chatbeto_mysql_library_init(void) { return mysql_library_init(0, NULL, NULL); }

/* Typed wrappers for mysql_options' void* argument. */
static inline int chatbeto_mysql_set_string_option(MYSQL *m, enum mysql_option o, const char *v) {
    return mysql_options(m, o, v);
}
static inline int chatbeto_mysql_set_uint_option(MYSQL *m, enum mysql_option o, unsigned int v) {
    return mysql_options(m, o, &v);
}
static inline int chatbeto_mysql_set_bool_option(MYSQL *m, enum mysql_option o, bool v) {
    my_bool b = v ? 1 : 0;
    return mysql_options(m, o, &b);
}
static inline int chatbeto_mysql_stmt_set_array_size(MYSQL_STMT *s, unsigned int n) {
    return mysql_stmt_attr_set(s, STMT_ATTR_ARRAY_SIZE, &n);
}
static inline int chatbeto_mysql_stmt_set_update_max_length(MYSQL_STMT *s, bool v) {
    my_bool b = v ? 1 : 0;
    return mysql_stmt_attr_set(s, STMT_ATTR_UPDATE_MAX_LENGTH, &b);
}
#endif
