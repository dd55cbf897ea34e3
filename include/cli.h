/* cli.h: subcommands (no curses). */
#ifndef BERKAS_CLI_H
#define BERKAS_CLI_H

#include <stdio.h>
#include "app.h"

/* Runs `berkas [options] SUBCOMMAND ...`; returns the exit status (0 ok,
 * 1 error, 2 usage). argv[0] is the subcommand. db and config may be NULL. */
int cli_run(int argc, char **argv, const char *db, const char *config);
void cli_usage(FILE *fp);

/* ---- shared by the files in src/cli/ only ------------------------------- */

/* Exit statuses; CLI_HELP is cli_parse's "--help was printed", which cli_run
 * turns into CLI_OK. */
enum { CLI_OK = 0, CLI_ERR = 1, CLI_USAGE = 2, CLI_HELP = 3 };

/* What every subcommand gets: the global options. */
struct cli_ctx {
	const char *cmd;    /* subcommand name, e.g. "add" */
	const char *db;     /* --db FILE or NULL */
	const char *config; /* --config FILE or NULL */
};

/* One option of a subcommand; cli_parse fills n and vals. */
struct cli_opt {
	const char  *name;       /* long name without "--", e.g. "kind" */
	int          short_name; /* e.g. 'o' for -o, or 0 */
	int          has_arg;    /* 1: takes a value (--x V, --x=V, -o V) */
	int          n;          /* times given */
	const char **vals;       /* the values in order (strings point into argv), owned array */
};

/* Parses argv[1..] against opts (a table ended by a NULL name). Positional
 * arguments go to *pos (owned array of pointers into argv; free it). Returns
 * 0, CLI_HELP when --help/-h was given (usage printed on stdout; return it
 * as the subcommand's status), or CLI_USAGE after printing the problem and
 * the usage on stderr. */
int  cli_parse(const struct cli_ctx *c, int argc, char **argv, struct cli_opt *opts,
	       char ***pos, size_t *npos);
void cli_opts_free(struct cli_opt *opts);
/* Last value of an option, or NULL when it was not given. */
const char *cli_opt_last(const struct cli_opt *o);
/* Prints the help of the subcommand c->cmd. */
void cli_cmd_usage(const struct cli_ctx *c, FILE *fp);
/* Usage error: "berkas: <msg>", then the subcommand usage on stderr; returns 2. */
int  cli_usage_error(const struct cli_ctx *c, const char *fmt, ...) PRINTFLIKE(2, 3);

/* "berkas: <msg>" on stderr, one line. */
void cli_error(const char *fmt, ...) PRINTFLIKE(1, 2);
/* Each message of errs as one "berkas: <msg>" line. */
void cli_errors(const struct errs *e);

/* Opens the app for a subcommand: the database must exist unless create.
 * Prints every problem and returns -1 on failure. */
int  cli_open(const struct cli_ctx *c, struct app *a, int create);
/* Finds a case by office number (current year first, then older) or id.
 * kind may be NULL. Prints the problem and returns -1 when not found. */
int  cli_find_case(struct app *a, const char *ref, const char *kind, struct case_rec *out);
/* Parses a DD-MM-YYYY option value into ISO; prints "<opt>: ..." and returns
 * -1 when bad. */
int  cli_date_arg(const char *opt, const char *s, char iso[11]);
/* Parses a non-negative decimal; -1 when bad. */
long cli_number_arg(const char *s);
/* 1 if the position code exists in the chart. */
int  cli_position_exists(struct app *a, const char *code);

/* Subcommands: each takes argv[0] = its name and returns an exit status. */
int cli_admin_init(const struct cli_ctx *c, int argc, char **argv);
int cli_admin_demo(const struct cli_ctx *c, int argc, char **argv);
int cli_admin_backup(const struct cli_ctx *c, int argc, char **argv);
int cli_admin_user(const struct cli_ctx *c, int argc, char **argv);
int cli_admin_check(const struct cli_ctx *c, int argc, char **argv);
int cli_case_add(const struct cli_ctx *c, int argc, char **argv);
int cli_case_list(const struct cli_ctx *c, int argc, char **argv);
int cli_case_show(const struct cli_ctx *c, int argc, char **argv);
int cli_case_set(const struct cli_ctx *c, int argc, char **argv);
int cli_dispose_run(const struct cli_ctx *c, int argc, char **argv);
int cli_dispose_read(const struct cli_ctx *c, int argc, char **argv);
int cli_dispose_followup(const struct cli_ctx *c, int argc, char **argv);
/* cli_dispose.c: step NUMBER done|return, req NUMBER [KEY] (the case workflow). */
int cli_flow_step(const struct cli_ctx *c, int argc, char **argv);
int cli_flow_req(const struct cli_ctx *c, int argc, char **argv);
int cli_export_run(const struct cli_ctx *c, int argc, char **argv);
int cli_print_run(const struct cli_ctx *c, int argc, char **argv);
/* cli_koperasi.c: import koperasi, export (koperasi, else cli_export_run), koperasi list|show|add. */
int cli_koperasi_import(const struct cli_ctx *c, int argc, char **argv);
int cli_koperasi_export_route(const struct cli_ctx *c, int argc, char **argv);
int cli_koperasi_run(const struct cli_ctx *c, int argc, char **argv);

#endif
