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

/* Each message of e, or fallback when e has none. */
void cli_errors_or(const struct errs *e, const char *fallback);
/* "berkas: <cause>" (fallback when cause is NULL) made safe for the terminal
 * (a cause may quote stored or file text); frees cause. */
void cli_cause(char *cause, const char *fallback);

/* Opens the app for a subcommand: the database must exist unless create.
 * Prints every problem and returns -1 on failure. */
int  cli_open(const struct cli_ctx *c, struct app *a, int create);
/* Finds a case by office number (current year first, then older) or id.
 * kind may be NULL. Prints the problem and returns -1 when not found. */
int  cli_find_case(struct app *a, const char *ref, const char *kind, struct case_rec *out);
/* cli_open, then cli_find_case; with k, also the case's kind, which must be
 * loaded from forms/. 0, or -1 after printing the problem (the app is closed
 * again). */
int  cli_open_case(const struct cli_ctx *c, struct app *a, const char *ref, const char *kind,
		   struct case_rec *r, const struct kind **k);
/* Frees the case and closes the app cli_open_case opened. */
void cli_close_case(struct app *a, struct case_rec *r);
/* The single NUMBER|ID argument: 0, or the usage error's status (too many
 * arguments, or none). */
int  cli_one_ref(const struct cli_ctx *c, size_t npos);
/* Splits a KEY=VALUE argument: 0 with *key (caller frees) and *val (points
 * into arg), or the usage error's status. */
int  cli_assignment(const struct cli_ctx *c, const char *arg, char **key, const char **val);
/* The usage error "isian KEY diberikan lebih dari sekali"; returns its status. */
int  cli_assignment_twice(const struct cli_ctx *c, const char *key);
/* --limit N and --format table|csv of the list subcommands (either option may
 * be absent): 0 with *limit and *csv set, or the usage error's status. */
int  cli_list_opts(const struct cli_ctx *c, const struct cli_opt *limit,
		   const struct cli_opt *format, long *n, int *csv);
/* Rows to ask for in the next list page of at most page rows, with shown
 * rows printed of limit (0: no limit); 0 or less: the list is complete. */
int  cli_page_want(long limit, long shown, int page);
/* --delimiter: 0 (*d set to ',' or ';' when v is given), -1 when bad. */
int  cli_delim_arg(const char *v, char *d);
/* Parses a DD-MM-YYYY option value into ISO; prints "<opt>: ..." and returns
 * -1 when bad. */
int  cli_date_arg(const char *opt, const char *s, char iso[11]);
/* Parses a non-negative decimal; -1 when bad. */
long cli_number_arg(const char *s);
/* 1 if the position code exists in the chart. */
int  cli_position_exists(struct app *a, const char *code);

/* cli_out.c: output shared by the subcommands. */
struct buf;
/* The options of `export` (cli_export_run; the koperasi route parses the same
 * table), in the order of enum cli_export_opt. */
enum cli_export_opt { CLI_EXP_FROM, CLI_EXP_TO, CLI_EXP_OUT, CLI_EXP_DELIM, CLI_EXP_BOM, CLI_EXP_RAW };
#define CLI_EXPORT_OPTS \
	{ "from", 0, 1, 0, NULL }, { "to", 0, 1, 0, NULL }, \
	{ "output", 'o', 1, 0, NULL }, { "delimiter", 0, 1, 0, NULL }, \
	{ "bom", 0, 0, 0, NULL }, { "raw", 0, 0, 0, NULL }, \
	{ NULL, 0, 0, 0, NULL }
/* Opens the -o file of an export ("-" or none: stdout, *out set to NULL);
 * NULL after printing the problem. */
FILE *cli_out_open(const char **out);
/* Closes what cli_out_open opened: when !ok the file is removed; when ok a
 * failed close is printed. 0, or -1 (!ok, or the close failed). */
int  cli_out_close(FILE *fp, const char *out, int ok);
/* Width of the terminal for tables: $COLUMNS, else the tty's, else 100. */
int  cli_term_cols(void);
/* Writes s fitted to w columns, padded with spaces unless last. */
void cli_cell(const char *s, int w, int last);
/* ISO date -> DD-MM-YYYY in out ("" when absent or bad). */
void cli_dmy(const char *iso, char out[11]);
/* UTC timestamp text -> "DD-MM-YYYY HH:MM" office time (or the text itself). */
void cli_ts(const char *utc, char out[17]);
/* "label<pad> : " with the label (sanitised) padded to w columns. */
void cli_label(int indent, const char *label, int w);
/* "Name (login)" from the n people p, or the login, or "-"; caller frees. */
char *cli_who(const struct person *p, size_t n, const char *login);
/* A history line: cli_event_start puts the action into b ('_' as spaces),
 * the caller appends the details, cli_event_print prints
 * "  <time>  <who>: <text>" (sanitised) and frees b. */
void cli_event_start(struct buf *b, const char *action);
void cli_event_print(const char *at, const char *who, struct buf *b);

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
