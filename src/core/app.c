/* app.c: opens what every front end needs: config, kinds, calendar, store, the current user. */
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "app.h"
#include "csvio.h"
#include "date.h"
#include "util.h"

#ifndef BERKAS_SHAREDIR
#define BERKAS_SHAREDIR "/usr/local/share/berkas"
#endif

/* 1 if dir/sub is a directory. */
static int app_has_dir(const char *dir, const char *sub)
{
	char *p = xasprintf("%s/%s", dir, sub);
	struct stat sb;
	int ok = stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
	free(p);
	return ok;
}

static int app_is_share_dir(const char *dir)
{
	return app_has_dir(dir, "forms") && app_has_dir(dir, "data");
}

/* Cuts the last path component off p in place ("/a/b" -> "/a", "/a" -> "/"). */
static void app_dirname(char *p)
{
	char *slash = strrchr(p, '/');
	if (slash == NULL)
		strcpy(p, ".");
	else if (slash == p)
		p[1] = '\0';
	else
		*slash = '\0';
}

char *app_find_share_dir(const struct config *cfg)
{
	const char *env = getenv("BERKAS_SHAREDIR");
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (cfg != NULL && cfg->share_dir != NULL && *cfg->share_dir != '\0')
		return xstrdup(cfg->share_dir);

	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		app_dirname(exe);
		if (app_is_share_dir(exe))
			return xstrdup(exe);
		app_dirname(exe);
		if (app_is_share_dir(exe))
			return xstrdup(exe);
	}
	return xstrdup(BERKAS_SHAREDIR);
}

/* The home folder: $HOME, else the passwd entry, else "/". */
static const char *app_home(void)
{
	const char *h = getenv("HOME");
	if (h != NULL && *h != '\0')
		return h;
	struct passwd *pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_dir != NULL)
		return pw->pw_dir;
	return "/";
}

char *app_default_db(void)
{
	const char *env = getenv("BERKAS_DB");
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/berkas/berkas.db", xdg);
	return xasprintf("%s/.local/share/berkas/berkas.db", app_home());
}

/* Creates every folder leading to the file path (like mkdir -p of its dirname). */
static int app_mkdirs_for(const char *path, char **cause)
{
	char *dir = xstrdup(path);
	app_dirname(dir);
	for (char *p = dir + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			*cause = xasprintf(_("folder %s tidak dapat dibuat: %s"), dir, strerror(errno));
			free(dir);
			return -1;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return 0;
}

const char *app_login(void)
{
	static char login[256];
	const char *env = getenv("BERKAS_USER");
	if (env != NULL && *env != '\0')
		return env;
	if (login[0] != '\0')
		return login;
	struct passwd *pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_name != NULL)
		snprintf(login, sizeof login, "%s", pw->pw_name);
	else
		snprintf(login, sizeof login, "uid%ld", (long)getuid());
	return login;
}

/* Full name of the Unix user from the GECOS field, or the login. Caller frees. */
static char *app_gecos_name(const char *login)
{
	struct passwd *pw = getpwnam(login);
	if (pw != NULL && pw->pw_gecos != NULL && pw->pw_gecos[0] != '\0' &&
	    pw->pw_gecos[0] != ',') {
		char *name = xstrndup(pw->pw_gecos, strcspn(pw->pw_gecos, ","));
		str_trim(name);
		if (*name != '\0')
			return name;
		free(name);
	}
	return xstrdup(login);
}

/* State while reading data/pegawai.csv into a new database. */
struct app_seed {
	struct app  *a;
	const char  *path;     /* the file, for messages */
	const char  *login;    /* the user who creates the database */
	int          seen_me;  /* the login is one of the rows */
	long         records;
	struct errs *errs;
};

static int app_seed_person(long line, char **f, size_t n, void *ctx)
{
	struct app_seed *s = ctx;
	if (s->records++ == 0 && n > 0 && strcmp(f[0], "login") == 0)
		return 0; /* header */
	if (n == 1 && f[0][0] == '\0')
		return 0; /* blank line */
	if (n < 4) {
		errs_add(s->errs, _("%s:%ld: kolom kurang (login,nama,nip,jabatan,peran)"),
			 s->path, line);
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		str_trim(f[i]);
	if (f[0][0] == '\0' || f[1][0] == '\0' || f[3][0] == '\0') {
		errs_add(s->errs, _("%s:%ld: login, nama dan jabatan wajib diisi"), s->path, line);
		return 0;
	}
	const char *roles = n > 4 ? f[4] : "";
	char *r = NULL;
	if (strcmp(f[0], s->login) == 0) {
		s->seen_me = 1;
		struct person tmp = { .roles = (char *)roles };
		if (!person_has_role(&tmp, "admin"))
			r = *roles ? xasprintf("%s,admin", roles) : xstrdup("admin");
	}
	struct person p = {
		.login = f[0], .name = f[1], .nip = f[2][0] ? f[2] : NULL,
		.position = f[3], .roles = r ? r : (char *)roles,
	};
	char *cause = NULL;
	if (store_person_put(s->a->st, &p, &cause) != 0) {
		errs_add(s->errs, "%s:%ld: %s", s->path, line, cause);
		free(cause);
	}
	free(r);
	return 0;
}

/* Fills a new database: the org chart, the people, and the creator as admin. */
static void app_seed(struct app *a, struct errs *errs)
{
	char *cause = NULL;
	size_t before = errs->n;
	if (store_begin(a->st, &cause) != 0) {
		errs_add(errs, "%s", cause);
		free(cause);
		return;
	}
	if (a->positions_list != NULL) {
		for (size_t i = 0; i < a->positions_list->n; i++) {
			const struct refitem *it = &a->positions_list->items[i];
			struct position p = {
				.code = it->code, .name = it->label,
				.parent = it->parent && *it->parent ? it->parent : NULL,
			};
			if (store_position_put(a->st, &p, &cause) != 0) {
				errs_add(errs, "%s/jabatan.csv: %s: %s", a->data_dir, it->code, cause);
				free(cause);
				cause = NULL;
			}
		}
	}

	char *path = xasprintf("%s/pegawai.csv", a->data_dir);
	struct app_seed s = { .a = a, .path = path, .login = app_login(), .errs = errs };
	if (csv_read_file(path, ',', app_seed_person, &s, &cause) != 0) {
		errs_add(errs, "%s", cause);
		free(cause);
		cause = NULL;
	}
	free(path);

	if (!s.seen_me) {
		char *name = app_gecos_name(s.login);
		struct person p = {
			.login = (char *)s.login, .name = name, .nip = NULL,
			.position = "pengadministrasi_umum", .roles = "admin,pencatat",
		};
		if (store_person_put(a->st, &p, &cause) != 0) {
			errs_add(errs, _("pengguna %s: %s"), s.login, cause);
			free(cause);
			cause = NULL;
		}
		free(name);
	}

	if (errs->n != before) {
		store_rollback(a->st);
		return;
	}
	if (store_commit(a->st, &cause) != 0) {
		errs_add(errs, "%s", cause);
		free(cause);
	}
}

int app_open(struct app *a, const char *db_path, const char *config_path, int create,
	     struct errs *errs)
{
	size_t before = errs->n;
	char *cause = NULL;

	memset(a, 0, sizeof *a);

	char *cpath = config_path ? xstrdup(config_path) : config_default_path();
	config_load(cpath, &a->cfg, errs);
	free(cpath);
	clock_set_utc_offset(a->cfg.utc_offset_min);

	a->share_dir = app_find_share_dir(&a->cfg);
	a->forms_dir = xasprintf("%s/forms", a->share_dir);
	a->data_dir = xasprintf("%s/data", a->share_dir);

	kind_load_dir(a->forms_dir, a->data_dir, &a->kinds, errs);

	char *hol = xasprintf("%s/hari_libur.csv", a->data_dir);
	a->cal = calendar_load(hol, &cause);
	free(hol);
	if (a->cal == NULL) {
		errs_add(errs, "%s", cause);
		free(cause);
		cause = NULL;
		a->cal = calendar_empty();
	}
	calendar_set_hours(a->cal, a->cfg.hours_start_min, a->cfg.hours_end_min);

	a->positions_list = reflist_load(a->data_dir, "jabatan", &cause);
	if (a->positions_list == NULL) {
		errs_add(errs, "%s", cause);
		free(cause);
		cause = NULL;
	}

	/* Refuse to touch the database when the definitions are broken. */
	if (errs->n != before)
		goto fail;

	a->db_path = db_path ? xstrdup(db_path) : app_default_db();
	struct stat sb;
	if (stat(a->db_path, &sb) != 0) {
		if (!create) {
			errs_add(errs, _("basis data %s belum ada; jalankan 'berkas init'"),
				 a->db_path);
			goto fail;
		}
		if (app_mkdirs_for(a->db_path, &cause) != 0) {
			errs_add(errs, "%s", cause);
			free(cause);
			goto fail;
		}
	}
	if (store_open(a->db_path, create, &a->st, &cause) != 0) {
		errs_add(errs, "%s: %s", a->db_path, cause);
		free(cause);
		goto fail;
	}
	store_set_unit_code(a->st, a->cfg.unit_code);
	store_set_calendar(a->st, a->cal);
	store_set_kinds(a->st, &a->kinds);
	store_set_data_dir(a->st, a->data_dir);

	if (store_person_count(a->st) == 0) {
		app_seed(a, errs);
		if (errs->n != before)
			goto fail;
	}

	int r = store_person_get(a->st, app_login(), &a->me);
	if (r < 0) {
		errs_add(errs, _("pengguna %s tidak dapat dibaca dari basis data"), app_login());
		goto fail;
	}
	a->me_known = r == 1;
	return 0;

fail:
	app_close(a);
	return -1;
}

void app_close(struct app *a)
{
	if (a->st != NULL)
		store_close(a->st);
	person_clear(&a->me);
	reflist_free(a->positions_list);
	if (a->cal != NULL)
		calendar_free(a->cal);
	kindset_free(&a->kinds);
	config_free(&a->cfg);
	free(a->db_path);
	free(a->share_dir);
	free(a->forms_dir);
	free(a->data_dir);
	memset(a, 0, sizeof *a);
}

void app_default_deadline(const struct app *a, const char *urgency, char out[11])
{
	int u = urgency ? urgency_from_label(urgency) : -1;
	if (u < 0)
		u = URG_BIASA;
	int days = a->cfg.deadline_days[u];
	day_t today = clock_today();
	day_t due;
	if (a->cal != NULL) {
		due = calendar_add_workdays(a->cal, today, days);
	} else {
		struct calendar *cal = calendar_empty();
		due = calendar_add_workdays(cal, today, days);
		calendar_free(cal);
	}
	date_fmt_iso(due, out);
}

const char *app_position_name(const struct app *a, const char *code)
{
	if (code == NULL)
		return "";
	if (a->positions_list != NULL) {
		const struct refitem *it = reflist_find(a->positions_list, code);
		if (it != NULL && it->label != NULL)
			return it->label;
	}
	return code;
}
