/* util.h: allocation, strings, error lists, UTF-8 display width, UUIDs. */
#ifndef BERKAS_UTIL_H
#define BERKAS_UTIL_H

#include <stddef.h>
#include <stdarg.h>
#include <libintl.h>

/* All user-visible strings are wrapped for gettext. */
#define _(s) gettext(s)
#define N_(s) (s)

#define PRINTFLIKE(a, b) __attribute__((format(printf, a, b)))

/* Allocation never returns NULL: on failure the program aborts with a message.
 * xcalloc/xreallocarray check nmemb * size for overflow. */
void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);             /* xstrdup(NULL) returns NULL */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) PRINTFLIKE(1, 2);
char *xvasprintf(const char *fmt, va_list ap);

/* Growable string buffer; s is always NUL-terminated once anything is added. */
struct buf {
	char   *s;   /* contents, owned */
	size_t  len; /* bytes used, excluding the NUL */
	size_t  cap; /* bytes allocated */
};
void  buf_init(struct buf *b);
void  buf_add(struct buf *b, const char *s, size_t n);
void  buf_adds(struct buf *b, const char *s);
void  buf_addc(struct buf *b, char c);
void  buf_printf(struct buf *b, const char *fmt, ...) PRINTFLIKE(2, 3);
char *buf_steal(struct buf *b);   /* returns the string (never NULL), resets b */
void  buf_free(struct buf *b);

/* A list of user-facing problem messages, collected so all are shown together. */
struct errs {
	char  **msg; /* messages, owned */
	size_t  n;   /* count */
	size_t  cap;
};
void  errs_init(struct errs *e);
void  errs_add(struct errs *e, const char *fmt, ...) PRINTFLIKE(2, 3);
char *errs_join(const struct errs *e, const char *sep); /* caller frees */
void  errs_free(struct errs *e);

/* Strings. */
char *str_trim(char *s);               /* trims ASCII space in place, returns s */
int   str_has_control(const char *s, int allow_newline); /* 1 if C0/DEL/C1 present */
int   str_utf8_valid(const char *s);   /* 1 if s is valid UTF-8 */
size_t str_utf8_chars(const char *s);  /* number of code points */
/* Copy of s safe to print on a terminal: invalid UTF-8 bytes become '?',
 * control characters (C0, DEL, C1, ESC) become U+FFFD-free '?' except that,
 * when single_line, \n and \t become a space. Caller frees. */
char *str_sanitize(const char *s, int single_line);
int   str_casecmp_prefix(const char *s, const char *prefix); /* 0 if prefix (ASCII case-insensitive) */

/* Display width in terminal columns (wcwidth), after sanitising. Needs
 * setlocale(LC_ALL, "") for UTF-8. */
int   str_width(const char *s);
/* New string holding the longest prefix of s that fits in cols columns; when
 * s was cut and cols > 1, the last column is "~". Sanitised, single line. */
char *str_fit(const char *s, int cols);

/* Random UUID version 4 as 36 lower-case characters plus NUL. */
void uuid_v4(char out[37]);

/* Reads a whole file; NULL with *cause set on error. */
char *file_read(const char *path, size_t *len, char **cause);

#endif
