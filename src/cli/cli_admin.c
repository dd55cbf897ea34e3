/* cli_admin.c: the init, demo, backup, user and check subcommands. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "csvio.h"
#include "demo.h"
#include "koperasi.h"
#include "refdata.h"

/* Creates the folders above path (mkdir -p of its dirname). */
static void cli_admin_mkdirs(const char *path)
{
	char *d = xstrdup(path);

	for (char *p = d + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(d, 0777) != 0 && errno != EEXIST)
			break;
		*p = '/';
	}
	free(d);
}

int cli_admin_init(const struct cli_ctx *c, int argc, char **argv)
{
	struct cli_opt opts[] = { { NULL, 0, 0, 0, NULL } };
	struct cli_ctx c2 = *c;
	struct app a;
	char **pos, *path;
	size_t npos;
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	if (rc != 0)
		goto out_args;
	if (npos != 0) {
		rc = cli_usage_error(c, _("argumen berlebih: %s"), pos[0]);
		goto out_args;
	}
	path = c->db ? xstrdup(c->db) : app_default_db();
	if (access(path, F_OK) == 0) {
		printf(_("Basis data sudah ada: %s\n"), path);
		free(path);
		rc = CLI_OK;
		goto out_args;
	}
	cli_admin_mkdirs(path);
	c2.db = path;
	if (cli_open(&c2, &a, 1) != 0) {
		rc = CLI_ERR;
	} else {
		printf(_("Basis data dibuat: %s\n"), path);
		app_close(&a);
		rc = CLI_OK;
	}
	free(path);
out_args:
	cli_opts_free(opts);
	free(pos);
	return rc;
}

/* Progress line for demo on a terminal. */
static void cli_admin_progress(double done, void *ctx)
{
	int *last = ctx, pct = (int)(done * 100.0);

	if (pct == *last)
		return;
	*last = pct;
	fprintf(stderr, _("\rMembuat data contoh... %3d%%"), pct);
	fflush(stderr);
}

/* Makes nk demo cooperatives (koperasi_demo); with --layanan they are
 * registered before the first service case, with the clock moved back. */
static int cli_admin_demo_koperasi(struct app *a, long nk, long seed, int layanan, int tty)
{
	struct demo_clock clk;
	char *cause = NULL;
	int last = -1, r;

	demo_clock_save(&clk);
	if (layanan)
		demo_clock_at(demo_layanan_registry_day(), 8 * 60);
	r = koperasi_demo(a, nk, (unsigned)seed, tty ? cli_admin_progress : NULL, &last, &cause);
	demo_clock_restore(&clk);
	if (tty && last >= 0)
		fputc('\n', stderr);
	if (r != 0) {
		cli_error("%s", cause ? cause : _("gagal membuat data contoh"));
		free(cause);
		return CLI_ERR;
	}
	printf(_("%ld koperasi contoh ditambahkan\n"), nk);
	return CLI_OK;
}

int cli_admin_demo(const struct cli_ctx *c, int argc, char **argv)
{
	enum { O_LETTERS, O_SEED, O_KOPERASI, O_LAYANAN };
	struct cli_opt opts[] = {
		{ "letters", 0, 1, 0, NULL }, { "seed", 0, 1, 0, NULL },
		{ "koperasi", 0, 1, 0, NULL }, { "layanan", 0, 1, 0, NULL },
		{ NULL, 0, 0, 0, NULL }
	};
	struct app a;
	char **pos, *cause = NULL;
	const char *v;
	size_t npos;
	long n = -1, nk = -1, nl = -1, seed = 1, brought = 0;
	int last = -1, tty = isatty(STDERR_FILENO);
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	if (rc != 0)
		goto out_args;
	if (npos != 0) {
		rc = cli_usage_error(c, _("argumen berlebih: %s"), pos[0]);
		goto out_args;
	}
	if (cli_opt_last(&opts[O_LETTERS]) == NULL && cli_opt_last(&opts[O_KOPERASI]) == NULL &&
	    cli_opt_last(&opts[O_LAYANAN]) == NULL) {
		rc = cli_usage_error(c, _("--letters belum diberikan (atau --koperasi, --layanan)"));
		goto out_args;
	}
	if ((v = cli_opt_last(&opts[O_LETTERS])) != NULL &&
	    ((n = cli_number_arg(v)) < 0 || n > 10000000)) {
		rc = cli_usage_error(c, _("--letters: bukan bilangan yang sah: '%s'"), v);
		goto out_args;
	}
	if ((v = cli_opt_last(&opts[O_KOPERASI])) != NULL &&
	    ((nk = cli_number_arg(v)) < 0 || nk > 10000000)) {
		rc = cli_usage_error(c, _("--koperasi: bukan bilangan yang sah: '%s'"), v);
		goto out_args;
	}
	if ((v = cli_opt_last(&opts[O_LAYANAN])) != NULL &&
	    ((nl = cli_number_arg(v)) < 0 || nl > 100000)) {
		rc = cli_usage_error(c, _("--layanan: bukan bilangan yang sah (0 sampai 100000): '%s'"),
				     v);
		goto out_args;
	}
	if ((v = cli_opt_last(&opts[O_SEED])) != NULL &&
	    ((seed = cli_number_arg(v)) < 0 || seed > 0xffffffffL)) {
		rc = cli_usage_error(c, _("--seed: bukan bilangan yang sah: '%s'"), v);
		goto out_args;
	}
	if (cli_open(c, &a, 0) != 0) {
		rc = CLI_ERR;
		goto out_args;
	}
	rc = CLI_OK;
	/* the service cases need the cooperatives first, and bring letters of
	 * their own that are numbered among the demo letters */
	if (nl >= 0 && nk >= 0)
		rc = cli_admin_demo_koperasi(&a, nk, seed, 1, tty);
	if (rc == CLI_OK && (n >= 0 || nl >= 0)) {
		int r = nl >= 0
			? demo_layanan(&a, n >= 0 ? n : 0, nl, (unsigned)seed,
				       tty ? cli_admin_progress : NULL, &last, &brought, &cause)
			: demo_letters(&a, n, (unsigned)seed, tty ? cli_admin_progress : NULL, &last,
				       &cause);
		if (tty && last >= 0)
			fputc('\n', stderr);
		if (r != 0) {
			cli_error("%s", cause ? cause : _("gagal membuat data contoh"));
			free(cause);
			cause = NULL;
			rc = CLI_ERR;
		} else {
			if (n >= 0)
				printf(_("%ld surat contoh ditambahkan\n"), n);
			if (nl >= 0)
				printf(_("%ld berkas layanan contoh ditambahkan (%ld dibawa surat masuk)\n"),
				       nl, brought);
		}
	}
	if (nk >= 0 && nl < 0 && rc == CLI_OK)
		rc = cli_admin_demo_koperasi(&a, nk, seed, 0, tty);
	app_close(&a);
out_args:
	cli_opts_free(opts);
	free(pos);
	return rc;
}

int cli_admin_backup(const struct cli_ctx *c, int argc, char **argv)
{
	struct cli_opt opts[] = { { NULL, 0, 0, 0, NULL } };
	struct app a;
	char **pos, *cause = NULL;
	size_t npos;
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	if (rc != 0)
		goto out_args;
	if (npos != 1) {
		rc = cli_usage_error(c, npos ? _("terlalu banyak argumen") : _("BERKAS tujuan belum diberikan"));
		goto out_args;
	}
	if (cli_open(c, &a, 0) != 0) {
		rc = CLI_ERR;
		goto out_args;
	}
	if (a.db_path != NULL && strcmp(a.db_path, pos[0]) == 0) {
		cli_error(_("backup: tujuan sama dengan basis data: %s"), pos[0]);
		rc = CLI_ERR;
	} else if (store_backup(a.st, pos[0], &cause) != 0) {
		cli_error("%s", cause ? cause : _("backup gagal"));
		free(cause);
		rc = CLI_ERR;
	} else {
		printf(_("Cadangan ditulis ke %s\n"), pos[0]);
		rc = CLI_OK;
	}
	app_close(&a);
out_args:
	cli_opts_free(opts);
	free(pos);
	return rc;
}

/* ---- user ----------------------------------------------------------------- */

static void cli_admin_user_list(struct app *a)
{
	struct person *p;
	size_t n;
	int w[4] = { 5, 4, 3, 7 };
	static const char *const head[] = { N_("LOGIN"), N_("NAMA"), N_("NIP"), N_("JABATAN") };

	if (store_people(a->st, &p, &n) != 0) {
		cli_error(_("gagal membaca pengguna"));
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const char *f[4] = { p[i].login, p[i].name, p[i].nip, p[i].position };

		for (int j = 0; j < 4; j++) {
			int x = str_width(f[j] ? f[j] : "");
			if (x > w[j])
				w[j] = x > 40 ? 40 : x;
		}
	}
	for (int j = 0; j < 4; j++) {
		char *s = str_fit(_(head[j]), w[j]);
		printf("%s%*s ", s, w[j] - str_width(s), "");
		free(s);
	}
	printf("%s\n", _("PERAN"));
	for (size_t i = 0; i < n; i++) {
		const char *f[4] = { p[i].login, p[i].name, p[i].nip, p[i].position };
		char *r = str_sanitize(p[i].roles ? p[i].roles : "", 1);

		for (int j = 0; j < 4; j++) {
			char *s = str_fit(f[j] ? f[j] : "", w[j]);
			printf("%s%*s ", s, w[j] - str_width(s), "");
			free(s);
		}
		printf("%s\n", r);
		free(r);
	}
	people_free(p, n);
}

/* 1 if s looks like a Unix login. */
static int cli_admin_login_ok(const char *s)
{
	if (*s == '\0' || strlen(s) > 32 || !(*s == '_' || (*s >= 'a' && *s <= 'z')))
		return 0;
	for (; *s; s++)
		if (!(*s == '_' || *s == '-' || *s == '.' || (*s >= 'a' && *s <= 'z') ||
		      (*s >= '0' && *s <= '9')))
			return 0;
	return 1;
}

/* Validates and normalises a roles list ("admin,pencatat"); caller frees, NULL if bad. */
static char *cli_admin_roles(const char *roles)
{
	char *copy = xstrdup(roles), *save = NULL;
	struct buf b;
	int bad = 0;

	buf_init(&b);
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		t = str_trim(t);
		if (*t == '\0')
			continue;
		if (strcmp(t, "admin") != 0 && strcmp(t, "pencatat") != 0) {
			char *s = str_sanitize(t, 1);
			cli_error(_("--roles: peran tidak dikenal '%s' (admin, pencatat)"), s);
			free(s);
			bad = 1;
		}
		buf_printf(&b, "%s%s", b.len ? "," : "", t);
	}
	free(copy);
	if (bad) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

static int cli_admin_user_add(const struct cli_ctx *c, struct app *a, const char *login,
			      struct cli_opt *opts)
{
	enum { O_NAME, O_JABATAN, O_NIP, O_ROLES };
	struct person p;
	const char *name = cli_opt_last(&opts[O_NAME]), *pos = cli_opt_last(&opts[O_JABATAN]);
	const char *nip = cli_opt_last(&opts[O_NIP]), *roles = cli_opt_last(&opts[O_ROLES]);
	char *r = NULL, *cause = NULL;
	int bad = 0;

	if (!a->me_known || !person_has_role(&a->me, "admin")) {
		cli_error(_("user add: hanya admin yang boleh menambah pengguna ('%s' bukan admin)"),
			  app_login());
		return CLI_ERR;
	}
	if (!cli_admin_login_ok(login)) {
		char *s = str_sanitize(login, 1);
		cli_error(_("LOGIN: bukan nama login yang sah: '%s'"), s);
		free(s);
		bad = 1;
	}
	if (*name == '\0' || str_has_control(name, 0) || !str_utf8_valid(name)) {
		cli_error(_("--name: wajib diisi, tanpa karakter kendali"));
		bad = 1;
	}
	if (!cli_position_exists(a, pos)) {
		char *s = str_sanitize(pos, 1);
		cli_error(_("--jabatan: jabatan tidak dikenal: %s"), s);
		free(s);
		bad = 1;
	}
	if (nip != NULL && *nip != '\0' && strspn(nip, "0123456789") != strlen(nip)) {
		cli_error(_("--nip: hanya angka"));
		bad = 1;
	}
	if ((r = cli_admin_roles(roles ? roles : "")) == NULL)
		bad = 1;
	if (bad) {
		free(r);
		return CLI_ERR;
	}
	p.login = (char *)login;
	p.name = (char *)name;
	p.nip = (char *)(nip ? nip : "");
	p.position = (char *)pos;
	p.roles = r;
	if (store_person_put(a->st, &p, &cause) != 0) {
		cli_error("%s", cause ? cause : _("gagal menyimpan pengguna"));
		free(cause);
		free(r);
		return CLI_ERR;
	}
	free(r);
	printf(_("Pengguna %s disimpan\n"), login);
	(void)c;
	return CLI_OK;
}

int cli_admin_user(const struct cli_ctx *c, int argc, char **argv)
{
	enum { O_NAME, O_JABATAN, O_NIP, O_ROLES };
	struct cli_opt opts[] = {
		{ "name", 0, 1, 0, NULL }, { "jabatan", 0, 1, 0, NULL },
		{ "nip", 0, 1, 0, NULL }, { "roles", 0, 1, 0, NULL }, { NULL, 0, 0, 0, NULL }
	};
	struct app a;
	char **pos;
	size_t npos;
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos), add;

	if (rc != 0)
		goto out_args;
	if (npos == 0) {
		rc = cli_usage_error(c, _("list atau add belum diberikan"));
		goto out_args;
	}
	add = strcmp(pos[0], "add") == 0;
	if (!add && strcmp(pos[0], "list") != 0) {
		rc = cli_usage_error(c, _("tidak dikenal: %s (list, add)"), pos[0]);
		goto out_args;
	}
	if (!add && (npos > 1 || opts[O_NAME].n || opts[O_JABATAN].n || opts[O_NIP].n ||
		     opts[O_ROLES].n)) {
		rc = cli_usage_error(c, _("user list tidak memakai argumen"));
		goto out_args;
	}
	if (add && npos != 2) {
		rc = cli_usage_error(c, npos < 2 ? _("LOGIN belum diberikan") : _("terlalu banyak argumen"));
		goto out_args;
	}
	if (add && (opts[O_NAME].n == 0 || opts[O_JABATAN].n == 0)) {
		rc = cli_usage_error(c, _("user add memerlukan --name dan --jabatan"));
		goto out_args;
	}
	if (cli_open(c, &a, 0) != 0) {
		rc = CLI_ERR;
		goto out_args;
	}
	if (add) {
		rc = cli_admin_user_add(c, &a, pos[1], opts);
	} else {
		cli_admin_user_list(&a);
		rc = CLI_OK;
	}
	app_close(&a);
out_args:
	cli_opts_free(opts);
	free(pos);
	return rc;
}

/* ---- check ---------------------------------------------------------------- */

struct cli_admin_checkctx {
	struct errs          *errs;
	const struct reflist *positions;
	const char           *path;   /* data/pegawai.csv */
	char                **logins; /* seen, for duplicates */
	size_t                n;
	int                   header; /* 1 once the header is read */
};

static int cli_admin_check_person(long line, char **f, size_t n, void *ctx)
{
	struct cli_admin_checkctx *k = ctx;

	if (!k->header) {
		k->header = 1;
		if (n < 5 || strcmp(f[0], "login") != 0 || strcmp(f[3], "jabatan") != 0)
			errs_add(k->errs, _("%s:%ld: kepala kolom harus login,nama,nip,jabatan,peran"),
				 k->path, line);
		return 0;
	}
	if (n < 5) {
		errs_add(k->errs, _("%s:%ld: perlu 5 kolom, ada %zu"), k->path, line, n);
		return 0;
	}
	if (!cli_admin_login_ok(f[0]))
		errs_add(k->errs, _("%s:%ld: login tidak sah '%s'"), k->path, line, f[0]);
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->logins[i], f[0]) == 0)
			errs_add(k->errs, _("%s:%ld: login '%s' ganda"), k->path, line, f[0]);
	k->logins = xreallocarray(k->logins, k->n + 1, sizeof *k->logins);
	k->logins[k->n++] = xstrdup(f[0]);
	if (k->positions != NULL && reflist_find(k->positions, f[3]) == NULL)
		errs_add(k->errs, _("%s:%ld: jabatan tidak dikenal '%s'"), k->path, line, f[3]);
	if (*f[4] != '\0') {
		char *copy = xstrdup(f[4]), *save = NULL;

		for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
			t = str_trim(t);
			if (*t && strcmp(t, "admin") != 0 && strcmp(t, "pencatat") != 0)
				errs_add(k->errs, _("%s:%ld: peran tidak dikenal '%s'"), k->path, line, t);
		}
		free(copy);
	}
	return 0;
}

int cli_admin_check(const struct cli_ctx *c, int argc, char **argv)
{
	struct cli_opt opts[] = { { NULL, 0, 0, 0, NULL } };
	struct cli_admin_checkctx chk;
	struct config cfg;
	struct kindset ks = { NULL, 0 };
	struct calendar *cal;
	struct reflist *pos_list;
	struct errs e;
	char **pos, *cfg_path, *share, *forms, *data, *path, *cause = NULL, *db;
	size_t npos;
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	if (rc != 0)
		goto out_args;
	if (npos != 0) {
		rc = cli_usage_error(c, _("argumen berlebih: %s"), pos[0]);
		goto out_args;
	}
	errs_init(&e);
	config_defaults(&cfg);
	cfg_path = c->config ? xstrdup(c->config) : config_default_path();
	if (c->config != NULL && access(cfg_path, R_OK) != 0)
		errs_add(&e, _("%s: tidak dapat dibaca: %s"), cfg_path, strerror(errno));
	else
		config_load(cfg_path, &cfg, &e);
	free(cfg_path);

	share = app_find_share_dir(&cfg);
	if (share == NULL) {
		errs_add(&e, _("folder forms/ dan data/ tidak ditemukan (BERKAS_SHAREDIR, [jalur] "
			       "data_dan_formulir)"));
	} else {
		forms = xasprintf("%s/forms", share);
		data = xasprintf("%s/data", share);
		kind_load_dir(forms, data, &ks, &e);
		path = xasprintf("%s/hari_libur.csv", data);
		if ((cal = calendar_load(path, &cause)) == NULL) {
			errs_add(&e, "%s", cause ? cause : path);
			free(cause);
			cause = NULL;
		}
		if (cal != NULL)
			calendar_free(cal);
		free(path);
		if ((pos_list = reflist_load(data, "jabatan", &cause)) == NULL) {
			errs_add(&e, "%s", cause ? cause : "jabatan.csv");
			free(cause);
			cause = NULL;
		}
		memset(&chk, 0, sizeof chk);
		chk.errs = &e;
		chk.positions = pos_list;
		chk.path = path = xasprintf("%s/pegawai.csv", data);
		if (csv_read_file(path, ',', cli_admin_check_person, &chk, &cause) != 0) {
			errs_add(&e, "%s", cause ? cause : path);
			free(cause);
			cause = NULL;
		}
		for (size_t i = 0; i < chk.n; i++)
			free(chk.logins[i]);
		free(chk.logins);
		free(path);
		if (pos_list != NULL)
			reflist_free(pos_list);
		free(forms);
		free(data);
		free(share);
	}
	kindset_free(&ks);
	config_free(&cfg);

	db = c->db ? xstrdup(c->db) : app_default_db();
	if (access(db, F_OK) == 0) {
		struct store *st = NULL;

		if (store_open(db, 0, &st, &cause) != 0) {
			errs_add(&e, "%s: %s", db, cause ? cause : _("tidak dapat dibuka"));
			free(cause);
		} else {
			store_close(st);
		}
	}
	free(db);

	if (e.n > 0) {
		cli_errors(&e);
		rc = CLI_ERR;
	} else {
		printf("ok\n");
		rc = CLI_OK;
	}
	errs_free(&e);
out_args:
	cli_opts_free(opts);
	free(pos);
	return rc;
}
