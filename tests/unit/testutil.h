/* testutil.h: shared includes and helpers for the cmocka unit tests. */
#ifndef BERKAS_TESTUTIL_H
#define BERKAS_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

/* A fresh temporary folder; the caller frees the string (folder is left for
 * the OS temp cleaner only when a test crashes; tu_rmdir removes it). */
static inline char *tu_tmpdir(void)
{
	char tmpl[] = "/tmp/berkas-unit.XXXXXX";
	char *d = mkdtemp(tmpl);
	assert_non_null(d);
	return strdup(d);
}

static inline void tu_rmdir(const char *dir)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

/* Writes text to dir/name and returns the path (caller frees). */
static inline char *tu_write(const char *dir, const char *name, const char *text)
{
	char *p = malloc(strlen(dir) + strlen(name) + 2);
	sprintf(p, "%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return p;
}

#endif
