/* app.h: what every front end opens: config, kinds, calendar, store, current user. */
#ifndef BERKAS_APP_H
#define BERKAS_APP_H

#include "config.h"
#include "kind.h"
#include "calendar.h"
#include "store.h"

struct app {
	struct config    cfg;
	struct kindset   kinds;
	struct calendar *cal;
	struct store    *st;
	struct reflist  *positions_list; /* data/jabatan.csv, for pickers */
	struct person    me;             /* the person behind the Unix login (or BERKAS_USER) */
	int              me_known;       /* 1 if the login maps to a person */
	char            *db_path;
	char            *share_dir;      /* folder holding forms/ and data/ */
	char            *forms_dir;
	char            *data_dir;
};

/* Finds the share folder: $BERKAS_SHAREDIR, config [jalur], next to the
 * executable (build tree), then the compiled-in BERKAS_SHAREDIR. Caller frees. */
char *app_find_share_dir(const struct config *cfg);
/* $BERKAS_DB, else $XDG_DATA_HOME/berkas/berkas.db; caller frees. */
char *app_default_db(void);

/* Loads config (config_path NULL: default path), kinds, calendar, and opens
 * the database (create = 1 makes it and loads the org chart and people from
 * data/ when new; the Unix user becomes admin). Returns 0, or -1 with every
 * problem in errs. */
int  app_open(struct app *a, const char *db_path, const char *config_path, int create,
	      struct errs *errs);
void app_close(struct app *a);
/* Login of the user: $BERKAS_USER if set, else getpwuid(getuid()). */
const char *app_login(void);
/* Default deadline (ISO) for a new letter from its urgency and today. */
void app_default_deadline(const struct app *a, const char *urgency, char out[11]);
/* Display name of a position code ("Kepala Dinas"), or the code itself. */
const char *app_position_name(const struct app *a, const char *code);

#endif
