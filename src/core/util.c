/* util.c: allocation that never fails, growable buffers, error lists, UTF-8 display helpers, UUIDs. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <wchar.h>

#include "util.h"

static void util_oom(size_t n)
{
	fprintf(stderr, "berkas: out of memory (%zu bytes)\n", n);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (p == NULL)
		util_oom(size);
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	if (SIZE_MAX / nmemb < size)
		util_oom(SIZE_MAX);
	void *p = calloc(nmemb, size);
	if (p == NULL)
		util_oom(nmemb * size);
	return p;
}

void *xreallocarray(void *p, size_t nmemb, size_t size)
{
	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	if (SIZE_MAX / nmemb < size)
		util_oom(SIZE_MAX);
	void *q = realloc(p, nmemb * size);
	if (q == NULL)
		util_oom(nmemb * size);
	return q;
}

char *xstrdup(const char *s)
{
	if (s == NULL)
		return NULL;
	size_t n = strlen(s);
	char *p = xmalloc(n + 1);
	memcpy(p, s, n + 1);
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		fprintf(stderr, "berkas: bad format string '%s'\n", fmt);
		abort();
	}
	char *p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

/* --- struct buf --- */

void buf_init(struct buf *b)
{
	b->s = NULL;
	b->len = 0;
	b->cap = 0;
}

static void buf_grow(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1) {
		if (cap > SIZE_MAX / 2)
			util_oom(SIZE_MAX);
		cap *= 2;
	}
	b->s = xreallocarray(b->s, cap, 1);
	b->cap = cap;
}

void buf_add(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	if (n > 0)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	buf_adds(b, p);
	free(p);
}

char *buf_steal(struct buf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	buf_init(b);
	return s;
}

void buf_free(struct buf *b)
{
	free(b->s);
	buf_init(b);
}

/* --- struct errs --- */

void errs_init(struct errs *e)
{
	e->msg = NULL;
	e->n = 0;
	e->cap = 0;
}

void errs_add(struct errs *e, const char *fmt, ...)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 8;
		e->msg = xreallocarray(e->msg, e->cap, sizeof *e->msg);
	}
	va_list ap;
	va_start(ap, fmt);
	e->msg[e->n++] = xvasprintf(fmt, ap);
	va_end(ap);
}

char *errs_join(const struct errs *e, const char *sep)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < e->n; i++) {
		if (i > 0)
			buf_adds(&b, sep);
		buf_adds(&b, e->msg[i]);
	}
	return buf_steal(&b);
}

void errs_free(struct errs *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->msg[i]);
	free(e->msg);
	errs_init(e);
}

/* --- strings --- */

char *str_trim(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
			 s[n - 1] == '\r' || s[n - 1] == '\f' || s[n - 1] == '\v'))
		n--;
	s[n] = '\0';
	size_t i = 0;
	while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
	       s[i] == '\f' || s[i] == '\v')
		i++;
	if (i > 0)
		memmove(s, s + i, n - i + 1);
	return s;
}

/*
 * Decodes one UTF-8 sequence at s (strict: no overlongs, no surrogates, max
 * U+10FFFF). Returns its length in bytes and sets *cp, or 0 when the byte at
 * s does not start a valid sequence. s must not point at the NUL.
 */
static size_t utf8_decode(const unsigned char *s, unsigned long *cp)
{
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	unsigned long v, min;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2; v = c & 0x1f; min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3; v = c & 0x0f; min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4; v = c & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return len;
}

static int is_control(unsigned long cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f);
}

int str_has_control(const char *s, int allow_newline)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned long cp;
		size_t n = utf8_decode(p, &cp);
		if (n == 0) {
			p++;
			continue;
		}
		if (is_control(cp) && !(allow_newline && (cp == '\n' || cp == '\t')))
			return 1;
		p += n;
	}
	return 0;
}

int str_utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned long cp;
		size_t n = utf8_decode(p, &cp);
		if (n == 0)
			return 0;
		p += n;
	}
	return 1;
}

size_t str_utf8_chars(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t count = 0;
	while (*p) {
		unsigned long cp;
		size_t n = utf8_decode(p, &cp);
		p += n ? n : 1;
		count++;
	}
	return count;
}

/*
 * One display unit of a sanitised string: the bytes to emit and their width.
 * Decodes with mbrtowc in the current locale; anything invalid or unprintable
 * becomes "?" of width 1.
 */
struct unit {
	const char *bytes; /* points into the source, or at "?" / " " */
	size_t      nbytes;
	size_t      advance; /* source bytes consumed */
	int         width;
};

static void next_unit(const char *s, int single_line, struct unit *u)
{
	static const char q[] = "?";
	static const char sp[] = " ";
	unsigned char c = (unsigned char)s[0];

	if (c == '\n' || c == '\t') {
		u->advance = 1;
		if (single_line) {
			u->bytes = sp; u->nbytes = 1; u->width = 1;
		} else {
			u->bytes = s; u->nbytes = 1; u->width = 0;
		}
		return;
	}
	if (c < 0x20 || c == 0x7f) {
		u->bytes = q; u->nbytes = 1; u->advance = 1; u->width = 1;
		return;
	}
	if (c < 0x80) {
		u->bytes = s; u->nbytes = 1; u->advance = 1; u->width = 1;
		return;
	}
	/* Validate as UTF-8 first so that invalid bytes are '?' whatever the locale. */
	unsigned long cp;
	size_t n = utf8_decode((const unsigned char *)s, &cp);
	if (n == 0) {
		u->bytes = q; u->nbytes = 1; u->advance = 1; u->width = 1;
		return;
	}
	u->advance = n;
	if (is_control(cp)) {
		u->bytes = q; u->nbytes = 1; u->width = 1;
		return;
	}
	mbstate_t st;
	memset(&st, 0, sizeof st);
	wchar_t wc;
	size_t r = mbrtowc(&wc, s, n, &st);
	int w = (r == n) ? wcwidth(wc) : -1;
	if (w < 0) {
		u->bytes = q; u->nbytes = 1; u->width = 1;
		return;
	}
	u->bytes = s; u->nbytes = n; u->width = w;
}

char *str_sanitize(const char *s, int single_line)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	while (*s) {
		struct unit u;
		next_unit(s, single_line, &u);
		buf_add(&b, u.bytes, u.nbytes);
		s += u.advance;
	}
	return buf_steal(&b);
}

int str_casecmp_prefix(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++) {
		unsigned char a = (unsigned char)*s, p = (unsigned char)*prefix;
		if (a >= 'A' && a <= 'Z')
			a = (unsigned char)(a - 'A' + 'a');
		if (p >= 'A' && p <= 'Z')
			p = (unsigned char)(p - 'A' + 'a');
		if (a != p)
			return 1;
	}
	return 0;
}

int str_width(const char *s)
{
	int w = 0;
	while (*s) {
		struct unit u;
		next_unit(s, 1, &u);
		w += u.width;
		s += u.advance;
	}
	return w;
}

char *str_fit(const char *s, int cols)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	if (cols <= 0)
		return buf_steal(&b);
	if (str_width(s) <= cols)
		goto copy_all;

	/* Cut: keep cols - 1 columns, then "~" (when cols == 1 just what fits). */
	int room = cols > 1 ? cols - 1 : cols;
	int used = 0;
	while (*s) {
		struct unit u;
		next_unit(s, 1, &u);
		if (used + u.width > room)
			break;
		buf_add(&b, u.bytes, u.nbytes);
		used += u.width;
		s += u.advance;
	}
	if (cols > 1)
		buf_addc(&b, '~');
	return buf_steal(&b);

copy_all:
	while (*s) {
		struct unit u;
		next_unit(s, 1, &u);
		buf_add(&b, u.bytes, u.nbytes);
		s += u.advance;
	}
	return buf_steal(&b);
}

void uuid_v4(char out[37])
{
	unsigned char r[16];
	size_t got = 0;
	while (got < sizeof r) {
		ssize_t n = getrandom(r + got, sizeof r - got, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "berkas: getrandom: %s\n", strerror(errno));
			abort();
		}
		got += (size_t)n;
	}
	r[6] = (unsigned char)((r[6] & 0x0f) | 0x40);
	r[8] = (unsigned char)((r[8] & 0x3f) | 0x80);
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;
	for (size_t i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[r[i] >> 4];
		out[o++] = hex[r[i] & 0x0f];
	}
	out[o] = '\0';
}

char *file_read(const char *path, size_t *len, char **cause)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		if (cause)
			*cause = xasprintf(_("%s: tidak dapat dibuka: %s"), path, strerror(errno));
		return NULL;
	}
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		buf_free(&b);
		if (cause)
			*cause = xasprintf(_("%s: gagal dibaca: %s"), path, strerror(e));
		return NULL;
	}
	fclose(f);
	if (len)
		*len = b.len;
	return buf_steal(&b);
}
