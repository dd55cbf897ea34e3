/* values.c: the field values of one case as key/value arrays, and their flat JSON form. */
#include <stdlib.h>
#include <string.h>

#include "kind.h"

void values_init(struct values *v)
{
	v->key = NULL;
	v->val = NULL;
	v->n = 0;
	v->cap = 0;
}

/* Index of key in v, or -1. */
static long values_index(const struct values *v, const char *key)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->key[i], key) == 0)
			return (long)i;
	return -1;
}

/* Sets key to a copy of val, replacing an existing value. val NULL removes
 * the key. */
void values_set(struct values *v, const char *key, const char *val)
{
	long i = values_index(v, key);
	if (val == NULL) {
		if (i < 0)
			return;
		free(v->key[i]);
		free(v->val[i]);
		memmove(v->key + i, v->key + i + 1, (v->n - (size_t)i - 1) * sizeof *v->key);
		memmove(v->val + i, v->val + i + 1, (v->n - (size_t)i - 1) * sizeof *v->val);
		v->n--;
		return;
	}
	char *copy = xstrdup(val);
	if (i >= 0) {
		free(v->val[i]);
		v->val[i] = copy;
		return;
	}
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 16;
		v->key = xreallocarray(v->key, v->cap, sizeof *v->key);
		v->val = xreallocarray(v->val, v->cap, sizeof *v->val);
	}
	v->key[v->n] = xstrdup(key);
	v->val[v->n] = copy;
	v->n++;
}

/* Value of key (owned by v), or NULL when absent. */
const char *values_get(const struct values *v, const char *key)
{
	long i = values_index(v, key);
	return i < 0 ? NULL : v->val[i];
}

void values_free(struct values *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->key[i]);
		free(v->val[i]);
	}
	free(v->key);
	free(v->val);
	values_init(v);
}

/* Appends s as a JSON string literal: quote, backslash and control
 * characters (below 0x20 and DEL) escaped, everything else as UTF-8 bytes. */
static void values_json_string(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)*p);
		} else if (*p < 0x20 || *p == 0x7f) {
			buf_printf(b, "\\u%04x", *p);
		} else {
			buf_addc(b, (char)*p);
		}
	}
	buf_addc(b, '"');
}

/* {"key":"value",...} in the order of v; caller frees. */
char *values_to_json(const struct values *v)
{
	struct buf b;
	buf_init(&b);
	buf_addc(&b, '{');
	for (size_t i = 0; i < v->n; i++) {
		if (i > 0)
			buf_addc(&b, ',');
		values_json_string(&b, v->key[i]);
		buf_addc(&b, ':');
		values_json_string(&b, v->val[i]);
	}
	buf_addc(&b, '}');
	return buf_steal(&b);
}

static const char *values_json_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* Four hex digits at p into *out; -1 if not hex. */
static int values_json_hex4(const char *p, unsigned long *out)
{
	unsigned long u = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		u <<= 4;
		if (c >= '0' && c <= '9')
			u |= (unsigned long)(c - '0');
		else if (c >= 'a' && c <= 'f')
			u |= (unsigned long)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			u |= (unsigned long)(c - 'A' + 10);
		else
			return -1;
	}
	*out = u;
	return 0;
}

static void values_json_utf8(struct buf *b, unsigned long cp)
{
	if (cp < 0x80) {
		buf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		buf_addc(b, (char)(0xc0 | (cp >> 6)));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		buf_addc(b, (char)(0xe0 | (cp >> 12)));
		buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else {
		buf_addc(b, (char)(0xf0 | (cp >> 18)));
		buf_addc(b, (char)(0x80 | ((cp >> 12) & 0x3f)));
		buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	}
}

/* Parses a JSON string literal at *pp (which points at the opening quote).
 * Returns the decoded UTF-8 text (caller frees) and advances *pp past the
 * closing quote, or NULL on malformed input (raw control characters, bad
 * escapes, lone surrogates, \u0000, invalid UTF-8). */
static char *values_json_parse_string(const char **pp)
{
	const char *p = *pp;
	if (*p != '"')
		return NULL;
	p++;
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	for (;;) {
		unsigned char c = (unsigned char)*p;
		if (c == '"')
			break;
		if (c == '\0' || c < 0x20)
			goto bad;
		if (c != '\\') {
			buf_addc(&b, (char)c);
			p++;
			continue;
		}
		p++;
		switch (*p) {
		case '"': buf_addc(&b, '"'); break;
		case '\\': buf_addc(&b, '\\'); break;
		case '/': buf_addc(&b, '/'); break;
		case 'b': buf_addc(&b, '\b'); break;
		case 'f': buf_addc(&b, '\f'); break;
		case 'n': buf_addc(&b, '\n'); break;
		case 'r': buf_addc(&b, '\r'); break;
		case 't': buf_addc(&b, '\t'); break;
		case 'u': {
			unsigned long cp, lo;
			if (values_json_hex4(p + 1, &cp) < 0)
				goto bad;
			p += 4;
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (p[1] != '\\' || p[2] != 'u' || values_json_hex4(p + 3, &lo) < 0 ||
				    lo < 0xdc00 || lo > 0xdfff)
					goto bad;
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				p += 6;
			} else if ((cp >= 0xdc00 && cp <= 0xdfff) || cp == 0) {
				goto bad;
			}
			values_json_utf8(&b, cp);
			break;
		}
		default:
			goto bad;
		}
		p++;
	}
	*pp = p + 1;
	if (!str_utf8_valid(b.s))
		goto bad;
	return buf_steal(&b);
bad:
	buf_free(&b);
	return NULL;
}

/* Parses a JSON number literal at *pp; returns its text (caller frees). */
static char *values_json_parse_number(const char **pp)
{
	const char *p = *pp, *start = p;
	if (*p == '-')
		p++;
	if (*p < '0' || *p > '9')
		return NULL;
	while ((*p >= '0' && *p <= '9') || *p == '.' || *p == 'e' || *p == 'E' ||
	       *p == '+' || *p == '-')
		p++;
	*pp = p;
	return xstrndup(start, (size_t)(p - start));
}

/* Reads a flat JSON object whose values are strings (numbers are kept as
 * their text, null means absent) into v. v is initialised by the call (pass
 * an empty or uninitialised struct). Returns 0, or -1 on malformed JSON with
 * v left empty. */
int values_from_json(const char *json, struct values *v)
{
	values_init(v);
	if (json == NULL)
		return -1;
	const char *p = values_json_ws(json);
	if (*p++ != '{')
		return -1;
	p = values_json_ws(p);
	if (*p == '}') {
		p++;
		goto end;
	}
	for (;;) {
		char *key = values_json_parse_string(&p);
		if (key == NULL)
			goto bad;
		p = values_json_ws(p);
		if (*p++ != ':') {
			free(key);
			goto bad;
		}
		p = values_json_ws(p);
		char *val;
		if (*p == '"') {
			val = values_json_parse_string(&p);
		} else if (strncmp(p, "null", 4) == 0) {
			p += 4;
			free(key);
			goto next;
		} else {
			val = values_json_parse_number(&p);
		}
		if (val == NULL) {
			free(key);
			goto bad;
		}
		values_set(v, key, val);
		free(key);
		free(val);
next:
		p = values_json_ws(p);
		if (*p == ',') {
			p = values_json_ws(p + 1);
			continue;
		}
		if (*p == '}') {
			p++;
			break;
		}
		goto bad;
	}
end:
	p = values_json_ws(p);
	if (*p != '\0')
		goto bad;
	return 0;
bad:
	values_free(v);
	return -1;
}
