/* cli.h: subcommands (no curses). */
#ifndef BERKAS_CLI_H
#define BERKAS_CLI_H

#include <stdio.h>

/* Runs `berkas [options] SUBCOMMAND ...`; returns the exit status (0 ok,
 * 1 error, 2 usage). argv[0] is the subcommand. db and config may be NULL. */
int cli_run(int argc, char **argv, const char *db, const char *config);
void cli_usage(FILE *fp);

#endif
