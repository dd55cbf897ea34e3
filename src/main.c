/* main.c: global options, then the TUI (no subcommand) or a CLI subcommand. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"
#include "app.h"
#include "cli.h"
#include "ui/ui.h"

#define BERKAS_VERSION "0.1.0"

/* Takes the value of --name VALUE or --name=VALUE at argv[*i]; NULL when this
 * argument is another option. Advances *i past a separate value. */
static const char *main_optval(int argc, char **argv, int *i, const char *name, int *missing)
{
	size_t n = strlen(name);

	*missing = 0;
	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = 1;
		return NULL;
	}
	(*i)++;
	return argv[*i];
}

/* Opens the TUI; a first run creates the database. */
static int main_tui(const char *db, const char *config)
{
	struct app a;
	struct errs e;
	char *path = db ? xstrdup(db) : app_default_db();
	int create = access(path, F_OK) != 0;
	int rc;

	memset(&a, 0, sizeof a);
	errs_init(&e);
	if (app_open(&a, path, config, create, &e) != 0) {
		for (size_t i = 0; i < e.n; i++)
			fprintf(stderr, "berkas: %s\n", e.msg[i]);
		errs_free(&e);
		free(path);
		return 1;
	}
	errs_free(&e);
	if (create)
		fprintf(stderr, _("Basis data dibuat: %s\n"), path);
	free(path);
	rc = ui_run(&a);
	app_close(&a);
	return rc;
}

int main(int argc, char **argv)
{
	const char *db = NULL, *config = NULL, *v;
	int i, missing;

	setlocale(LC_ALL, "");
#ifdef LOCALEDIR
	bindtextdomain("berkas", LOCALEDIR);
#endif
	textdomain("berkas");

	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if (strcmp(arg, "--") == 0) {
			i++;
			break;
		}
		if (arg[0] != '-' || arg[1] == '\0')
			break;
		if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			cli_usage(stdout);
			return 0;
		}
		if (strcmp(arg, "--version") == 0) {
			printf("berkas %s\n", BERKAS_VERSION);
			return 0;
		}
		if ((v = main_optval(argc, argv, &i, "--db", &missing)) != NULL) {
			db = v;
			continue;
		}
		if (!missing && (v = main_optval(argc, argv, &i, "--config", &missing)) != NULL) {
			config = v;
			continue;
		}
		if (missing)
			fprintf(stderr, _("berkas: opsi %s memerlukan nilai\n"), arg);
		else
			fprintf(stderr, _("berkas: opsi tidak dikenal: %s\n"), arg);
		cli_usage(stderr);
		return 2;
	}
	if (db != NULL && db[0] == '\0') {
		fprintf(stderr, _("berkas: --db: nama berkas kosong\n"));
		return 2;
	}
	if (i >= argc)
		return main_tui(db, config);
	return cli_run(argc - i, argv + i, db, config);
}
