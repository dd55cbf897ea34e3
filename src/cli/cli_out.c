/* cli_out.c: output shared by the subcommands: tables, dates and times, names, history lines, export files. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "date.h"

FILE *cli_out_open(const char **out)
{
	FILE *fp;

	if (*out != NULL && strcmp(*out, "-") == 0)
		*out = NULL;
	fp = *out ? fopen(*out, "wb") : stdout;
	if (fp == NULL)
		cli_error(_("-o: tidak dapat menulis %s: %s"), *out, strerror(errno));
	return fp;
}

int cli_out_close(FILE *fp, const char *out, int ok)
{
	if (out == NULL)
		return ok ? 0 : -1;
	if (!ok) {
		fclose(fp);
		unlink(out);
		return -1;
	}
	if (fclose(fp) != 0) {
		cli_error(_("-o: gagal menulis %s: %s"), out, strerror(errno));
		return -1;
	}
	return 0;
}

int cli_term_cols(void)
{
	const char *e = getenv("COLUMNS");
	struct winsize ws;
	long n;

	if (e != NULL && (n = cli_number_arg(e)) > 0 && n < 10000)
		return (int)n;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 100;
}

void cli_cell(const char *s, int w, int last)
{
	char *f = str_fit(s ? s : "", w);
	int pad = w - str_width(f);

	fputs(f, stdout);
	if (!last) {
		for (; pad > 0; pad--)
			putchar(' ');
		putchar(' ');
	}
	free(f);
}

void cli_dmy(const char *iso, char out[11])
{
	day_t d;

	out[0] = '\0';
	if (iso != NULL && date_parse_iso(iso, &d) == 0)
		date_fmt_dmy(d, out);
}

void cli_ts(const char *utc, char out[17])
{
	time_t t;

	if (utc != NULL && ts_parse_utc(utc, &t) == 0)
		ts_fmt_local(t, out);
	else
		snprintf(out, 17, "%s", utc ? utc : "-");
}

void cli_label(int indent, const char *label, int w)
{
	char *s = str_sanitize(label, 1);
	int pad = w - str_width(s);

	printf("%*s%s%*s : ", indent, "", s, pad > 0 ? pad : 0, "");
	free(s);
}

char *cli_who(const struct person *p, size_t n, const char *login)
{
	if (login == NULL || *login == '\0')
		return xstrdup("-");
	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i].login, login) == 0 && p[i].name && *p[i].name)
			return xasprintf("%s (%s)", p[i].name, login);
	return xstrdup(login);
}

void cli_event_start(struct buf *b, const char *action)
{
	buf_init(b);
	buf_adds(b, action ? action : "");
	for (char *p = b->s; p && *p; p++)
		if (*p == '_')
			*p = ' ';
}

void cli_event_print(const char *at, const char *who, struct buf *b)
{
	char ts[17], *line;

	cli_ts(at, ts);
	line = str_sanitize(b->s ? b->s : "", 1);
	printf("  %s  %s: %s\n", ts, who, line);
	free(line);
	buf_free(b);
}
