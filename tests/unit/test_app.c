/* test_app.c: unit tests for app.c (paths, login, opening and seeding a database, defaults). */
#include <locale.h>
#include <sys/stat.h>

#include "testutil.h"
#include "app.h"

static char *dir_setup(void)
{
	char *dir = tu_tmpdir();
	char cwd[4096];
	assert_non_null(getcwd(cwd, sizeof cwd));
	setenv("BERKAS_SHAREDIR", cwd, 1);
	setenv("BERKAS_NOW", "2026-03-02T09:00", 1);
	setenv("BERKAS_USER", "arsiparis", 1);
	setenv("XDG_CONFIG_HOME", dir, 1);
	unsetenv("BERKAS_DB");
	return dir;
}

static void app_paths(void **state)
{
	(void)state;
	char *dir = dir_setup();

	setenv("BERKAS_DB", "/x/y.db", 1);
	char *p = app_default_db();
	assert_string_equal(p, "/x/y.db");
	free(p);
	unsetenv("BERKAS_DB");
	setenv("XDG_DATA_HOME", "/data/home", 1);
	p = app_default_db();
	assert_string_equal(p, "/data/home/berkas/berkas.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/tamu", 1);
	p = app_default_db();
	assert_string_equal(p, "/home/tamu/.local/share/berkas/berkas.db");
	free(p);

	/* Share folder: environment, then config, then next to the program. */
	setenv("BERKAS_SHAREDIR", "/opt/berkas", 1);
	p = app_find_share_dir(NULL);
	assert_string_equal(p, "/opt/berkas");
	free(p);
	unsetenv("BERKAS_SHAREDIR");
	struct config cfg;
	memset(&cfg, 0, sizeof cfg);
	cfg.share_dir = "/srv/berkas";
	p = app_find_share_dir(&cfg);
	assert_string_equal(p, "/srv/berkas");
	free(p);
	p = app_find_share_dir(NULL);
	assert_non_null(p); /* build/tests/.. is not a share folder: compiled-in path */
	free(p);

	setenv("BERKAS_USER", "kadis", 1);
	assert_string_equal(app_login(), "kadis");
	unsetenv("BERKAS_USER");
	assert_non_null(app_login());
	assert_true(app_login()[0] != '\0');

	tu_rmdir(dir);
	free(dir);
}

static void app_open_missing_db(void **state)
{
	(void)state;
	char *dir = dir_setup();
	char *db = malloc(strlen(dir) + 32);
	sprintf(db, "%s/tidak/ada.db", dir);
	struct app a;
	struct errs e;
	errs_init(&e);
	assert_int_equal(app_open(&a, db, NULL, 0, &e), -1);
	assert_int_equal(e.n, 1);
	assert_non_null(strstr(e.msg[0], "belum ada"));
	assert_non_null(strstr(e.msg[0], "berkas init"));
	assert_non_null(strstr(e.msg[0], db));
	errs_free(&e);
	app_close(&a); /* harmless after a failed open */
	free(db);
	tu_rmdir(dir);
	free(dir);
}

static void app_open_seeds_new_db(void **state)
{
	(void)state;
	char *dir = dir_setup();
	char *db = malloc(strlen(dir) + 32);
	sprintf(db, "%s/a/b/berkas.db", dir);
	struct app a;
	struct errs e;
	errs_init(&e);
	assert_int_equal(app_open(&a, db, NULL, 1, &e), 0);
	assert_int_equal(e.n, 0);
	struct stat sb;
	assert_int_equal(stat(db, &sb), 0);
	assert_true(a.me_known);
	assert_string_equal(a.me.login, "arsiparis");
	assert_true(person_has_role(&a.me, "admin"));
	assert_true(person_has_role(&a.me, "pencatat"));
	assert_string_equal(a.me.position, "arsiparis");
	assert_int_equal(store_person_count(a.st), 14);
	struct person p;
	assert_int_equal(store_person_get(a.st, "kadis", &p), 1);
	assert_string_equal(p.name, "Drs. Yohanes Laka Mone");
	assert_false(person_has_role(&p, "admin"));
	person_clear(&p);
	assert_true(store_position_is_below(a.st, "staf_ukm", "kadis"));
	assert_string_equal(app_position_name(&a, "kadis"), "Kepala Dinas");
	assert_string_equal(app_position_name(&a, "tidak_ada"), "tidak_ada");
	assert_non_null(kindset_find(&a.kinds, "surat_masuk"));
	assert_non_null(a.positions_list);

	/* Monday 02-03-2026: Biasa 5, Segera 2, Sangat Segera 1 working day. */
	char dl[11];
	app_default_deadline(&a, "Segera", dl);
	assert_string_equal(dl, "2026-03-04");
	app_default_deadline(&a, "Sangat Segera", dl);
	assert_string_equal(dl, "2026-03-03");
	app_default_deadline(&a, "Biasa", dl);
	assert_string_equal(dl, "2026-03-09");
	app_default_deadline(&a, "aneh", dl);
	assert_string_equal(dl, "2026-03-09");
	app_close(&a);

	/* Reopening does not seed again; another login is simply unknown. */
	setenv("BERKAS_USER", "tamu", 1);
	assert_int_equal(app_open(&a, db, NULL, 0, &e), 0);
	assert_false(a.me_known);
	assert_int_equal(store_person_count(a.st), 14);
	app_close(&a);
	errs_free(&e);
	free(db);
	tu_rmdir(dir);
	free(dir);
}

static void app_open_unknown_creator(void **state)
{
	(void)state;
	char *dir = dir_setup();
	setenv("BERKAS_USER", "tamu", 1);
	char *db = malloc(strlen(dir) + 32);
	sprintf(db, "%s/berkas.db", dir);
	struct app a;
	struct errs e;
	errs_init(&e);
	assert_int_equal(app_open(&a, db, NULL, 1, &e), 0);
	assert_true(a.me_known);
	assert_string_equal(a.me.login, "tamu");
	assert_string_equal(a.me.name, "tamu");
	assert_string_equal(a.me.position, "pengadministrasi_umum");
	assert_true(person_has_role(&a.me, "admin"));
	assert_true(person_has_role(&a.me, "pencatat"));
	assert_int_equal(store_person_count(a.st), 15);
	app_close(&a);
	errs_free(&e);
	free(db);
	tu_rmdir(dir);
	free(dir);
}

static void app_open_bad_config(void **state)
{
	(void)state;
	char *dir = dir_setup();
	char *cfg = tu_write(dir, "config.ini", "[kantor]\nzona = XYZ\n[tidak_dikenal]\na = 1\n");
	char *db = malloc(strlen(dir) + 32);
	sprintf(db, "%s/berkas.db", dir);
	struct app a;
	struct errs e;
	errs_init(&e);
	assert_int_equal(app_open(&a, db, cfg, 1, &e), -1);
	assert_true(e.n >= 2);
	struct stat sb;
	assert_int_equal(stat(db, &sb), -1); /* nothing created */
	errs_free(&e);

	/* A broken share folder: every problem reported together. */
	setenv("BERKAS_SHAREDIR", dir, 1);
	errs_init(&e);
	assert_int_equal(app_open(&a, db, NULL, 1, &e), -1);
	assert_true(e.n >= 2);
	errs_free(&e);
	free(cfg);
	free(db);
	tu_rmdir(dir);
	free(dir);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(app_paths),
		cmocka_unit_test(app_open_missing_db),
		cmocka_unit_test(app_open_seeds_new_db),
		cmocka_unit_test(app_open_unknown_creator),
		cmocka_unit_test(app_open_bad_config),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
