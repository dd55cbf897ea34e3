/* test_workflow.c: unit tests of the case workflow engine (issue 3): requirement gate,
 * return with reason, the service clock, serving office, registry write-back, links,
 * migration from schema v2, and the kind loader's [list], [rules] and [registry]. */
#include "testutil.h"

#include "app.h"
#include "calendar.h"
#include "date.h"
#include "koperasi.h"
#include "core/store_int.h"

/* An app on a new database in a temporary folder, with the shipped forms/
 * and data/ (the tests run from the top of the tree). */
struct wf {
	char      *dir;
	char      *db;
	struct app a;
	const struct kop_ref *ref;
};

static void now_is(const char *when)
{
	setenv("BERKAS_NOW", when, 1);
}

static int setup(void **state)
{
	struct wf *f = calloc(1, sizeof *f);
	char cwd[4096];
	assert_non_null(getcwd(cwd, sizeof cwd));
	f->dir = tu_tmpdir();
	f->db = xasprintf("%s/berkas.db", f->dir);
	setenv("BERKAS_SHAREDIR", cwd, 1);
	setenv("XDG_CONFIG_HOME", f->dir, 1);
	setenv("BERKAS_USER", "arsiparis", 1);
	unsetenv("BERKAS_DB");
	now_is("2026-03-02T09:00"); /* a Monday */
	struct errs e;
	errs_init(&e);
	if (app_open(&f->a, f->db, NULL, 1, &e) != 0) {
		for (size_t i = 0; i < e.n; i++)
			fprintf(stderr, "%s\n", e.msg[i]);
		fail();
	}
	errs_free(&e);
	char *cause = NULL;
	f->ref = store_koperasi_ref(f->a.st, &cause);
	if (f->ref == NULL) {
		fprintf(stderr, "%s\n", cause);
		fail();
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct wf *f = *state;
	app_close(&f->a);
	tu_rmdir(f->dir);
	free(f->dir);
	free(f->db);
	free(f);
	return 0;
}

static const struct kind *kind_of(struct wf *f, const char *key)
{
	const struct kind *k = kindset_find(&f->a.kinds, key);
	assert_non_null(k);
	return k;
}

/* A cooperative from key=value pairs (as typed), inserted; its id in id. */
static void add_kop(struct wf *f, const char *const *kv, char id[37])
{
	struct koperasi k;
	koperasi_init(&k);
	for (; *kv != NULL; kv++) {
		const char *eq = strchr(*kv, '=');
		char *key = strndup(*kv, (size_t)(eq - *kv));
		char *cause = NULL;
		assert_int_equal(koperasi_set(&k, key, eq + 1, &cause), 0);
		free(key);
	}
	struct errs e;
	errs_init(&e);
	if (koperasi_normalize(f->ref, &k, &e) != 0) {
		for (size_t i = 0; i < e.n; i++)
			fprintf(stderr, "%s\n", e.msg[i]);
		fail();
	}
	errs_free(&e);
	char *cause = NULL;
	assert_int_equal(store_koperasi_insert(f->a.st, &k, "arsiparis", NULL, NULL, &cause), 0);
	strcpy(id, k.id);
	koperasi_clear(&k);
}

/* Sets the key=value pairs (as typed) into v, over what it has. */
static void put_kv(struct values *v, const char *const *kv)
{
	for (; *kv != NULL; kv++) {
		const char *eq = strchr(*kv, '=');
		char *key = strndup(*kv, (size_t)(eq - *kv));
		values_set(v, key, eq + 1);
		free(key);
	}
}

/* kind_normalize as the form does: 0, or -1 with *cause (the messages). */
static int normalize(const struct kind *k, struct values *v, char **cause)
{
	struct errs e;
	errs_init(&e);
	int r = kind_normalize(k, v, &e);
	if (r != 0)
		*cause = errs_join(&e, "\n");
	errs_free(&e);
	return r != 0 ? -1 : 0;
}

/* Normalizes and inserts a case from key=value pairs as typed: 0 with *out
 * filled, or -1 with *cause (the store's or the first validation message). */
static int add_case(struct wf *f, const char *kind, const char *const *kv, const char *actor,
		    struct case_rec *out, char **cause)
{
	const struct kind *k = kind_of(f, kind);
	struct values v;
	values_init(&v);
	put_kv(&v, kv);
	int r = normalize(k, &v, cause);
	if (r == 0) {
		char dl[11];
		app_default_deadline(&f->a, NULL, dl);
		r = store_case_insert(f->a.st, k, &v, actor, dl, out, cause);
	}
	values_free(&v);
	return r;
}

/* Changes fields of a stored case as the form does (stored values shown,
 * the given ones over them); 0 or -1 with *cause. */
static int set_case(struct wf *f, const char *id, const char *const *kv, const char *actor,
		    char **cause)
{
	struct case_rec r;
	assert_int_equal(store_case_get(f->a.st, id, &r), 1);
	const struct kind *k = kind_of(f, r.kind);
	struct values v;
	values_init(&v);
	for (size_t i = 0; i < k->n_fields; i++) {
		const char *sv = values_get(&r.fields, k->fields[i].key);
		if (sv == NULL || k->fields[i].auto_number)
			continue;
		char *d = kind_display(&k->fields[i], sv);
		values_set(&v, k->fields[i].key, d);
		free(d);
	}
	put_kv(&v, kv);
	int ret = normalize(k, &v, cause);
	if (ret == 0)
		ret = store_case_update(f->a.st, k, id, r.version, &v, actor, NULL, cause);
	values_free(&v);
	case_clear(&r);
	return ret;
}

/* Expects call to fail with a cause containing want. */
#define EXPECT_FAIL(call, want)                                                      \
	do {                                                                             \
		char *cause_ = NULL;                                                     \
		char **cp_ = &cause_;                                                    \
		(void)cp_;                                                               \
		if ((call) != -1)                                                        \
			fail_msg("%s: did not fail", #call);                             \
		if (cause_ == NULL || strstr(cause_, want) == NULL)                      \
			fail_msg("%s: cause '%s' lacks '%s'", #call,                    \
				 cause_ ? cause_ : "(null)", want);                      \
		free(cause_);                                                            \
	} while (0)

/* The events of a case with action act, counted; the last one in *last. */
static int count_events(struct wf *f, const char *id, const char *act, struct event *last)
{
	struct event *ev;
	size_t n;
	assert_int_equal(store_case_events(f->a.st, id, &ev, &n), 0);
	int c = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(ev[i].action, act) != 0)
			continue;
		c++;
		if (last != NULL) {
			free(last->field);
			free(last->old_value);
			free(last->new_value);
			last->field = xstrdup(ev[i].field);
			last->old_value = xstrdup(ev[i].old_value);
			last->new_value = xstrdup(ev[i].new_value);
		}
	}
	events_free(ev, n);
	return c;
}

static void event_clear(struct event *e)
{
	free(e->field);
	free(e->old_value);
	free(e->new_value);
	memset(e, 0, sizeof *e);
}

/* The current state of a case. */
static void get(struct wf *f, const char *id, struct case_rec *r)
{
	assert_int_equal(store_case_get(f->a.st, id, r), 1);
}

static const char *const kop_prov[] = {
	"nik=5371010203040001", "nama=KSP Kopdit Swasti Sari", "kabkota=Kota Kupang",
	"wilayah_keanggotaan=provinsi", "tanggal_badan_hukum=12-05-2010", NULL
};
static const char *const kop_kab[] = {
	"nik=5308010203040002", "nama=KUD Sinar Ende", "kabkota=Ende",
	"wilayah_keanggotaan=kabkota", NULL
};
static const char *const kop_nas[] = {
	"nik=5371010203040003", "nama=Koperasi Nusantara Raya", "kabkota=Kota Kupang",
	"wilayah_keanggotaan=nasional", NULL
};

/* A sertifikat_nik request for the provincial cooperative, disposed by the
 * Kepala Dinas to the Kabid and by the Kabid to the Pelaksana: step 3. */
static void nik_at_step3(struct wf *f, char id[37])
{
	const char *const req[] = { "koperasi=5371 0102 0304 0001", "pemohon=Ani", NULL };
	struct case_rec c;
	char *cause = NULL;
	if (add_case(f, "sertifikat_nik", req, "arsiparis", &c, &cause) != 0)
		fail_msg("%s", cause);
	strcpy(id, c.id);
	case_clear(&c);
	const char *to1[] = { "kabid_pemberdayaan" }, *to2[] = { "staf_pemberdayaan" };
	assert_int_equal(store_dispose(f->a.st, id, NULL, "kadis", to1, 1, NULL, NULL, NULL,
				       "kadis", NULL, &cause), 0);
	struct dispo *d;
	size_t n;
	assert_int_equal(store_dispos_for(f->a.st, id, "kabid_pemberdayaan", &d, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_dispose(f->a.st, id, d[0].id, "kabid_pemberdayaan", to2, 1, NULL,
				       NULL, NULL, "kabidpkop", NULL, &cause), 0);
	dispos_free(d, n);
}

/* wf-1: the gate: a pause step or a verification step cannot be done while
 * a required requirement is missing; who may do a step. */
static void test_requirement_gate(void **state)
{
	struct wf *f = *state;
	const struct kind *k = kind_of(f, "sertifikat_nik");
	char kid[37], id[37];
	add_kop(f, kop_prov, kid);
	nik_at_step3(f, id);
	struct case_rec r;
	get(f, id, &r);
	assert_int_equal(r.step, 3);
	assert_non_null(r.paused_since); /* step 3 waits on the cooperative */
	assert_string_equal(r.koperasi_id, kid);
	assert_string_equal(r.koperasi_name, "KSP Kopdit Swasti Sari");
	/* the koperasi field is stored as the NIK, whatever was typed */
	assert_string_equal(values_get(&r.fields, "koperasi"), "5371010203040001");
	case_clear(&r);

	char *labels = NULL;
	assert_int_equal(store_reqs_missing(f->a.st, k, id, &labels), 2);
	assert_non_null(strstr(labels, "Surat permohonan"));
	assert_non_null(strstr(labels, "Formulir profil"));
	free(labels);
	EXPECT_FAIL(store_step_done(f->a.st, k, id, "stafpkop", cp_),
		    "persyaratan belum lengkap: Surat permohonan pencetakan Sertifikat NIK; Formulir");
	/* someone of another position, without a clerk's role */
	EXPECT_FAIL(store_step_done(f->a.st, k, id, "stafkel", cp_), "tahap 3 dikerjakan oleh jabatan 'staf_pemberdayaan'");
	EXPECT_FAIL(store_req_set(f->a.st, k, id, "ktp", 1, NULL, "stafpkop", cp_),
		    "persyaratan 'ktp' tidak dikenal (surat_permohonan, formulir_profil)");

	char *cause = NULL;
	assert_int_equal(store_req_set(f->a.st, k, id, "surat_permohonan", 1, " asli ", "stafpkop",
				       &cause), 0);
	EXPECT_FAIL(store_step_done(f->a.st, k, id, "stafpkop", cp_), "persyaratan belum lengkap: Formulir profil");
	assert_int_equal(store_reqs_missing(f->a.st, k, id, NULL), 1);
	struct event ev = { 0 };
	assert_int_equal(count_events(f, id, "persyaratan", &ev), 1);
	assert_string_equal(ev.field, "surat_permohonan");
	assert_string_equal(ev.old_value, "belum");
	assert_string_equal(ev.new_value, "ada: asli");
	/* the same tick again changes nothing */
	assert_int_equal(store_req_set(f->a.st, k, id, "surat_permohonan", 1, "asli", "stafpkop",
				       &cause), 0);
	assert_int_equal(count_events(f, id, "persyaratan", NULL), 1);

	assert_int_equal(store_req_set(f->a.st, k, id, "formulir_profil", 1, NULL, "stafpkop",
				       &cause), 0);
	struct req_rec *rq;
	size_t n;
	assert_int_equal(store_case_reqs(f->a.st, k, id, &rq, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_ptr_equal(rq[0].req, &k->reqs[0]);
	assert_int_equal(rq[0].done, 1);
	assert_string_equal(rq[0].note, "asli");
	assert_string_equal(rq[0].by, "stafpkop");
	assert_non_null(rq[0].at);
	assert_int_equal(rq[1].done, 1);
	assert_null(rq[1].note);
	reqs_free(rq, n);
	/* the clerk (pencatat) may do any step; the step's holder too */
	assert_int_equal(store_step_done(f->a.st, k, id, "stafpkop", &cause), 0);
	get(f, id, &r);
	assert_int_equal(r.step, 4);
	assert_null(r.paused_since);
	case_clear(&r);
	/* step 4 verifies: unticking a requirement closes the gate again */
	assert_int_equal(store_req_set(f->a.st, k, id, "formulir_profil", 0, "belum ditandatangani",
				       "stafpkop", &cause), 0);
	assert_int_equal(count_events(f, id, "persyaratan", &ev), 3);
	assert_string_equal(ev.old_value, "ada");
	assert_string_equal(ev.new_value, "belum: belum ditandatangani");
	EXPECT_FAIL(store_step_done(f->a.st, k, id, "kabidpkop", cp_), "persyaratan belum lengkap: Formulir");
	assert_int_equal(store_req_set(f->a.st, k, id, "formulir_profil", 1, NULL, "stafpkop",
				       &cause), 0);
	assert_int_equal(store_step_done(f->a.st, k, id, "arsiparis", &cause), 0);
	get(f, id, &r);
	assert_int_equal(r.step, 5);
	case_clear(&r);
	event_clear(&ev);
}

/* wf-2: "tidak disetujui" sends the case back to return_to with a reason;
 * the steps from there open again and the clock stops at the pause step. */
static void test_return_with_reason(void **state)
{
	struct wf *f = *state;
	const struct kind *k = kind_of(f, "sertifikat_nik");
	char kid[37], id[37], *cause = NULL;
	add_kop(f, kop_prov, kid);
	nik_at_step3(f, id);
	EXPECT_FAIL(store_step_return(f->a.st, k, id, "kurang", "stafpkop", cp_),
		    "tahap 3 tidak dapat dikembalikan");
	assert_int_equal(store_req_set(f->a.st, k, id, "surat_permohonan", 1, NULL, "stafpkop", &cause), 0);
	assert_int_equal(store_req_set(f->a.st, k, id, "formulir_profil", 1, NULL, "stafpkop", &cause), 0);
	now_is("2026-03-03T09:00");
	assert_int_equal(store_step_done(f->a.st, k, id, "stafpkop", &cause), 0);
	EXPECT_FAIL(store_step_return(f->a.st, k, id, "   ", "kabidpkop", cp_), "alasan: wajib diisi");
	EXPECT_FAIL(store_step_return(f->a.st, k, id, "kurang", "stafpkop", cp_),
		    "tahap 4 dikerjakan oleh jabatan 'kabid_pemberdayaan'");
	now_is("2026-03-04T09:00");
	assert_int_equal(store_step_return(f->a.st, k, id, "Formulir tidak ditandatangani pengurus",
					   "kabidpkop", &cause), 0);
	struct case_rec r;
	get(f, id, &r);
	assert_int_equal(r.step, 3);
	assert_string_equal(r.paused_since, "2026-03-04");
	case_clear(&r);
	struct event ev = { 0 };
	assert_int_equal(count_events(f, id, "dikembalikan", &ev), 1);
	assert_string_equal(ev.field, "4");
	assert_string_equal(ev.old_value, "3");
	assert_string_equal(ev.new_value, "Formulir tidak ditandatangani pengurus");
	event_clear(&ev);
	struct step_rec *s;
	size_t n;
	assert_int_equal(store_case_steps(f->a.st, id, &s, &n), 0);
	for (size_t i = 0; i < n; i++) {
		if (s[i].no < 3)
			assert_non_null(s[i].done_at);
		else
			assert_null(s[i].done_at);
		if (s[i].no == 3)
			assert_non_null(s[i].started_at);
		if (s[i].no > 3)
			assert_null(s[i].started_at);
	}
	steps_free(s, n);
	/* the Pelaksana holds it again (its inbox) */
	struct list_query q = { .view = VIEW_MINE, .position = "staf_pemberdayaan" };
	assert_int_equal(store_list_count(f->a.st, &q, &cause), 1);
	/* done again: on to the verification */
	assert_int_equal(store_step_done(f->a.st, k, id, "stafpkop", &cause), 0);
	get(f, id, &r);
	assert_int_equal(r.step, 4);
	assert_null(r.paused_since);
	case_clear(&r);
	q.position = "kabid_pemberdayaan";
	assert_int_equal(store_list_count(f->a.st, &q, &cause), 1);
}

/* wf-3: a kantor_kas case waits at step 1 with its clock standing until
 * every requirement is ticked; it is never overdue meanwhile; when the clock
 * runs again the deadline moves on by the working days it stood. */
static void test_pause_moves_deadline(void **state)
{
	struct wf *f = *state;
	const struct kind *k = kind_of(f, "kantor_kas");
	char kid[37], *cause = NULL;
	add_kop(f, kop_prov, kid);
	const char *const req[] = { "koperasi=5371010203040001", "pemohon=Ani",
				    "tanggal_permohonan=02-03-2026", NULL };
	struct case_rec c;
	if (add_case(f, "kantor_kas", req, "stafkel", &c, &cause) != 0)
		fail_msg("%s", cause);
	char id[37];
	strcpy(id, c.id);
	assert_int_equal(c.step, 1);
	assert_string_equal(c.paused_since, "2026-03-02");
	day_t received, deadline0;
	assert_int_equal(date_parse_iso(c.received, &received), 0);
	assert_int_equal(date_parse_iso(c.deadline, &deadline0), 0);
	assert_int_equal(deadline0, calendar_add_workdays(f->a.cal, received, k->service_days));
	case_clear(&c);
	assert_int_equal(count_events(f, id, "jam_layanan", NULL), 1);

	/* long past the deadline: still not late, shown paused */
	now_is("2026-05-04T09:00");
	char today[11];
	date_fmt_iso(clock_today(), today);
	assert_true(clock_today() > deadline0);
	struct list_query q = { .view = VIEW_OVERDUE, .today = today };
	assert_int_equal(store_list_count(f->a.st, &q, &cause), 0);
	struct case_row *rows;
	size_t n;
	assert_int_equal(store_list_page(f->a.st, &q, NULL, 0, 10, &rows, &n, &cause), 0);
	assert_int_equal(n, 0);
	q.view = VIEW_ALL;
	assert_int_equal(store_list_page(f->a.st, &q, NULL, 0, 10, &rows, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].paused, 1);
	assert_string_equal(rows[0].koperasi_name, "KSP Kopdit Swasti Sari");
	assert_string_equal(values_get(&rows[0].fields, "pemohon"), "Ani");
	case_rows_free(rows, n);

	/* ticking all but one changes nothing; the last one completes step 1 */
	for (size_t i = 0; i + 1 < k->n_reqs; i++)
		assert_int_equal(store_req_set(f->a.st, k, id, k->reqs[i].key, 1, NULL, "stafkel",
					       &cause), 0);
	get(f, id, &c);
	assert_int_equal(c.step, 1);
	assert_non_null(c.paused_since);
	case_clear(&c);
	assert_int_equal(store_req_set(f->a.st, k, id, k->reqs[k->n_reqs - 1].key, 1, NULL,
				       "stafkel", &cause), 0);
	get(f, id, &c);
	assert_int_equal(c.step, 2);
	assert_null(c.paused_since);
	int stood = calendar_workdays_between(f->a.cal, date_from_ymd(2026, 3, 2), clock_today());
	assert_true(stood > 30); /* two months, less holidays */
	assert_int_equal(c.paused_days, stood);
	day_t deadline1;
	assert_int_equal(date_parse_iso(c.deadline, &deadline1), 0);
	assert_int_equal(deadline1, calendar_add_workdays(f->a.cal, deadline0, stood));
	case_clear(&c);
	struct event ev = { 0 };
	assert_int_equal(count_events(f, id, "jam_layanan", &ev), 2);
	assert_string_equal(ev.new_value, "berjalan");
	assert_string_equal(ev.field, "2");
	event_clear(&ev);
	/* running again, the case is on time */
	q.view = VIEW_OVERDUE;
	assert_int_equal(store_list_count(f->a.st, &q, &cause), 0);
	/* a week without holidays: paused on Monday, running on Thursday: three
	 * working days stood */
	now_is("2026-06-01T09:00");
	assert_int_equal(store_step_return(f->a.st, k, id, "Salinan OSS tidak terbaca", "stafkel",
					   &cause), 0);
	now_is("2026-06-04T09:00");
	assert_int_equal(store_req_set(f->a.st, k, id, "salinan_izin_oss", 0, NULL, "stafkel", &cause), 0);
	assert_int_equal(store_req_set(f->a.st, k, id, "salinan_izin_oss", 1, "dikirim ulang",
				       "stafkel", &cause), 0);
	get(f, id, &c);
	assert_int_equal(c.step, 2);
	assert_int_equal(c.paused_days, stood + 3);
	assert_int_equal(date_parse_iso(c.deadline, &deadline0), 0);
	assert_int_equal(deadline0, calendar_add_workdays(f->a.cal, deadline1, 3));
	case_clear(&c);
}

/* wf-4: the serving office follows the cooperative's wilayah keanggotaan. */
static void test_serving_office(void **state)
{
	struct wf *f = *state;
	char kp[37], kk[37], kn[37], *cause = NULL;
	add_kop(f, kop_prov, kp);
	add_kop(f, kop_kab, kk);
	add_kop(f, kop_nas, kn);
	struct case_rec c;
	const char *const unknown[] = { "koperasi=5371999999999999", "pemohon=Ani", NULL };
	EXPECT_FAIL(add_case(f, "sertifikat_nik", unknown, "arsiparis", &c, cp_),
		    "koperasi: tidak ada koperasi dengan NIK/id '5371999999999999' di registri");
	const char *const kab[] = { "koperasi=5308010203040002", "pemohon=Budi", NULL };
	EXPECT_FAIL(add_case(f, "sertifikat_nik", kab, "arsiparis", &c, cp_),
		    "dilayani Dinas yang membidangi koperasi di Kabupaten Ende");
	EXPECT_FAIL(add_case(f, "sertifikat_nik", kab, "arsiparis", &c, cp_),
		    "Isi 'Diteruskan ke' (diteruskan_ke) dan 'Nomor surat penerusan' (surat_penerusan)");
	const char *const kab_noletter[] = { "koperasi=5308010203040002", "pemohon=Budi",
					     "diteruskan_ke=kabkota", NULL };
	EXPECT_FAIL(add_case(f, "sertifikat_nik", kab_noletter, "arsiparis", &c, cp_),
		    "surat_penerusan: wajib diisi bila permohonan diteruskan");
	const char *const kab_wrong[] = { "koperasi=5308010203040002", "pemohon=Budi",
					  "diteruskan_ke=nasional", "surat_penerusan=9/X", NULL };
	EXPECT_FAIL(add_case(f, "sertifikat_nik", kab_wrong, "arsiparis", &c, cp_),
		    "diteruskan_ke: koperasi ini dilayani Dinas kabupaten/kota");
	const char *const prov_fwd[] = { "koperasi=5371010203040001", "pemohon=Ani",
					 "diteruskan_ke=kabkota", "surat_penerusan=9/X", NULL };
	EXPECT_FAIL(add_case(f, "sertifikat_nik", prov_fwd, "arsiparis", &c, cp_),
		    "diteruskan_ke: koperasi ini dilayani Dinas provinsi (kantor ini)");
	/* nothing was numbered by the refusals */
	assert_int_equal(store_case_count(f->a.st, "sertifikat_nik"), 0);

	const char *const kab_ok[] = { "koperasi=5308010203040002", "pemohon=Budi",
				       "diteruskan_ke=kabkota", "surat_penerusan=500/DK/III/2026", NULL };
	if (add_case(f, "sertifikat_nik", kab_ok, "arsiparis", &c, &cause) != 0)
		fail_msg("%s", cause);
	assert_string_equal(c.status, "selesai");
	assert_string_equal(c.forwarded_to, "kabkota");
	assert_string_equal(c.number_text, "0001/NIK/2026");
	char id[37];
	strcpy(id, c.id);
	case_clear(&c);
	get(f, id, &c);
	assert_string_equal(c.status, "selesai");
	assert_string_equal(c.forwarded_to, "kabkota");
	assert_int_equal(c.step, 0);
	assert_null(c.paused_since);
	case_clear(&c);
	struct event ev = { 0 };
	assert_int_equal(count_events(f, id, "diteruskan", &ev), 1);
	assert_non_null(strstr(ev.new_value, "Dinas kabupaten/kota Kabupaten Ende"));
	assert_non_null(strstr(ev.new_value, "500/DK/III/2026"));
	event_clear(&ev);
	assert_int_equal(count_events(f, id, "selesai", NULL), 1);
	/* closed: in nobody's inbox */
	struct list_query q = { .view = VIEW_MINE, .position = "kadis" };
	assert_int_equal(store_list_count(f->a.st, &q, &cause), 0);

	const char *const nas_ok[] = { "koperasi=5371010203040003", "pemohon=Citra",
				       "diteruskan_ke=nasional", "surat_penerusan=501/DK/III/2026", NULL };
	if (add_case(f, "sertifikat_nik", nas_ok, "arsiparis", &c, &cause) != 0)
		fail_msg("%s", cause);
	assert_string_equal(c.forwarded_to, "nasional");
	case_clear(&c);
	/* this office's own request stays open with the Kepala Dinas */
	const char *const prov[] = { "koperasi=5371010203040001", "pemohon=Ani", NULL };
	if (add_case(f, "sertifikat_nik", prov, "arsiparis", &c, &cause) != 0)
		fail_msg("%s", cause);
	assert_string_equal(c.status, "terbuka");
	assert_null(c.forwarded_to);
	case_clear(&c);
	assert_int_equal(store_list_count(f->a.st, &q, &cause), 1);
}

/* wf-5: the certificate recorded on the case is written to the cooperative,
 * whose history names the case; links to the incoming letter both ways. */
static void test_certificate_writeback(void **state)
{
	struct wf *f = *state;
	char kid[37], *cause = NULL;
	add_kop(f, kop_prov, kid);
	const char *const letter[] = { "asal_surat=KSP Kopdit Swasti Sari", "nomor_surat=12/KSP/2026",
				       "tanggal_surat=27-02-2026", "perihal=Permohonan sertifikat NIK",
				       NULL };
	struct case_rec l, c;
	if (add_case(f, "surat_masuk", letter, "arsiparis", &l, &cause) != 0)
		fail_msg("%s", cause);
	const char *const bad_letter[] = { "koperasi=5371010203040001", "pemohon=Ani",
					   "surat_masuk=77", NULL };
	EXPECT_FAIL(add_case(f, "sertifikat_nik", bad_letter, "arsiparis", &c, cp_),
		    "surat_masuk: tidak ada surat masuk dengan nomor agenda '77'");
	const char *const req[] = { "koperasi=5371010203040001", "pemohon=Ani", "surat_masuk=1", NULL };
	if (add_case(f, "sertifikat_nik", req, "arsiparis", &c, &cause) != 0)
		fail_msg("%s", cause);
	assert_string_equal(c.letter_id, l.id);

	/* links both ways */
	struct case_link *lk;
	size_t n;
	assert_int_equal(store_case_links(f->a.st, c.id, &lk, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(lk[0].id, l.id);
	assert_string_equal(lk[0].text, "SM 1/2026");
	assert_int_equal(lk[0].incoming, 0);
	links_free(lk, n);
	assert_int_equal(store_case_links(f->a.st, l.id, &lk, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(lk[0].id, c.id);
	assert_string_equal(lk[0].number_text, "0001/NIK/2026");
	assert_string_equal(lk[0].text, "0001/NIK/2026");
	assert_int_equal(lk[0].incoming, 1);
	links_free(lk, n);
	struct list_query q = { .view = VIEW_ALL, .sort = SORT_NUMBER };
	struct case_row *rows;
	assert_int_equal(store_list_page(f->a.st, &q, NULL, 0, 10, &rows, &n, &cause), 0);
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++) {
		/* the request's number names its kind already; the letter's does not */
		if (strcmp(rows[i].id, l.id) == 0)
			assert_string_equal(rows[i].linked, "0001/NIK/2026");
		else
			assert_string_equal(rows[i].linked, "SM 1/2026");
	}
	case_rows_free(rows, n);

	/* a date in the future is refused naming the case field; nothing is written */
	const char *const future[] = { "nomor_sertifikat=NIK-5371-0001", "tanggal_terbit=10-03-2026", NULL };
	EXPECT_FAIL(set_case(f, c.id, future, "stafpkop", cp_), "tanggal_terbit: registri koperasi:");
	struct koperasi k;
	assert_int_equal(store_koperasi_get(f->a.st, kid, &k), 1);
	assert_null(k.no_sertifikat);
	koperasi_clear(&k);

	const char *const cert[] = { "nomor_sertifikat=NIK-5371-0001", "tanggal_terbit=02-03-2026",
				     "berlaku_sampai=02-03-2031", NULL };
	if (set_case(f, c.id, cert, "stafpkop", &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(store_koperasi_get(f->a.st, kid, &k), 1);
	assert_string_equal(k.no_sertifikat, "NIK-5371-0001");
	assert_string_equal(k.tanggal_sertifikat, "2026-03-02");
	assert_string_equal(k.sertifikat_berlaku, "2031-03-02");
	assert_string_equal(k.status_nik, "Sudah Bersertifikat"); /* the fixed value */
	assert_int_equal(k.version, 2);
	koperasi_clear(&k);
	struct event *ev;
	assert_int_equal(store_koperasi_events(f->a.st, kid, &ev, &n), 0);
	int named = 0, changed = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(ev[i].action, "dari_berkas") == 0) {
			named++;
			assert_string_equal(ev[i].field, "sertifikat_nik");
			assert_string_equal(ev[i].new_value, "0001/NIK/2026");
			assert_string_equal(ev[i].actor, "stafpkop");
		}
		changed += strcmp(ev[i].action, "diubah") == 0;
	}
	events_free(ev, n);
	assert_int_equal(named, 1);
	assert_int_equal(changed, 4);
	/* saving again with nothing new writes nothing more */
	const char *const same[] = { "pemohon=Ani", NULL };
	assert_int_equal(set_case(f, c.id, same, "stafpkop", &cause), 0);
	assert_int_equal(store_koperasi_events(f->a.st, kid, &ev, &n), 0);
	events_free(ev, n);
	assert_int_equal(n, 1 + 1 + 4);
	/* the cooperative's cases */
	assert_int_equal(store_koperasi_cases(f->a.st, kid, &rows, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].id, c.id);
	assert_string_equal(rows[0].koperasi_name, "KSP Kopdit Swasti Sari");
	case_rows_free(rows, n);

	/* agenda numbers start again each year: YYYY/NUMBER names last year's */
	now_is("2025-06-02T09:00");
	const char *const letter_2025[] = { "asal_surat=KUD Sinar Mollo",
					    "nomor_surat=3/KUD/2025", "tanggal_surat=30-05-2025",
					    "perihal=Permohonan sertifikat NIK", NULL };
	struct case_rec old;
	if (add_case(f, "surat_masuk", letter_2025, "arsiparis", &old, &cause) != 0)
		fail_msg("%s", cause);
	assert_string_equal(old.number_text, "1");
	now_is("2026-03-02T09:00");
	const char *const req_this[] = { "koperasi=5371010203040001", "pemohon=Ani",
					 "surat_masuk=1", NULL };
	const char *const req_last[] = { "koperasi=5371010203040001", "pemohon=Ani",
					 "surat_masuk=2025/1", NULL };
	const char *const req_none[] = { "koperasi=5371010203040001", "pemohon=Ani",
					 "surat_masuk=2024/1", NULL };
	struct case_rec c2;
	if (add_case(f, "sertifikat_nik", req_this, "arsiparis", &c2, &cause) != 0)
		fail_msg("%s", cause);
	assert_string_equal(c2.letter_id, l.id);
	case_clear(&c2);
	if (add_case(f, "sertifikat_nik", req_last, "arsiparis", &c2, &cause) != 0)
		fail_msg("%s", cause);
	assert_string_equal(c2.letter_id, old.id);
	case_clear(&c2);
	case_clear(&old);
	EXPECT_FAIL(add_case(f, "sertifikat_nik", req_none, "arsiparis", &c2, cp_),
		    "surat_masuk: tidak ada surat masuk dengan nomor agenda '2024/1'");
	case_clear(&l);
	case_clear(&c);
}

/* wf-6: a RAT date on penerimaan_rat joins the registry's RAT history and the
 * grade follows the rules. */
static void test_rat_writeback_grade(void **state)
{
	struct wf *f = *state;
	char kid[37], *cause = NULL;
	const char *const kop[] = { "nik=5371010203040009", "nama=KSP Kopdit Pintu Air",
				    "kabkota=Kota Kupang", "wilayah_keanggotaan=provinsi",
				    "tanggal_badan_hukum=12-05-2010", "tahun_rat=2024;2025",
				    "rat_terakhir=20-03-2025", NULL };
	add_kop(f, kop, kid);
	struct koperasi k;
	assert_int_equal(store_koperasi_get(f->a.st, kid, &k), 1);
	char *before = xstrdup(k.grade);
	koperasi_clear(&k);
	int years[] = { 2024, 2025, 2026 };
	const char *want = koperasi_grade(f->ref, 2010, years, 3, 2026);
	assert_non_null(want);
	/* the RAT of 2026 changes the grade */
	assert_true(before == NULL || strcmp(before, want) != 0);

	const char *const req[] = { "koperasi=5371010203040009", "pemohon=Ani", "tahun_buku=2025",
				    "tanggal_rat=20-02-2026", NULL };
	struct case_rec c;
	if (add_case(f, "penerimaan_rat", req, "arsiparis", &c, &cause) != 0)
		fail_msg("%s", cause);
	case_clear(&c);
	assert_int_equal(store_koperasi_get(f->a.st, kid, &k), 1);
	assert_string_equal(k.tahun_rat, "2024;2025;2026");
	assert_string_equal(k.rat_terakhir, "2026-02-20");
	assert_string_equal(k.grade, want);
	koperasi_clear(&k);
	/* a RAT that has not happened yet is refused on the case field */
	const char *const early[] = { "koperasi=5371010203040009", "pemohon=Ani", "tahun_buku=2026",
				      "tanggal_rat=20-02-2027", NULL };
	EXPECT_FAIL(add_case(f, "penerimaan_rat", early, "arsiparis", &c, cp_), "tanggal_rat:");
	free(before);
}

/* wf-7: a schema v2 database (before the workflow engine) migrates at open:
 * its cases keep everything, get the new columns, and work with the rules;
 * the schema is then the same as a new database's. */
static void test_migration_v2(void **state)
{
	struct wf *f = *state;
	char *cause = NULL, *err = NULL;
	char *old = xasprintf("%s/v2.db", f->dir);
	struct store *st;
	assert_int_equal(store_open_version(old, 1, 2, &st, &cause), 0);
	assert_int_equal(store_schema_version(st), 2);
	/* a letter as the v2 code wrote it: row, steps, event; the triggers fill
	 * the inbox, full-text index and counts */
	const char *sql =
		"INSERT INTO position(code, name, parent, ord) VALUES ('kadis', 'Kepala Dinas', NULL, 1);"
		"INSERT INTO cases(id, kind, year, number, number_text, received, party, subject,"
		" status, step, step_actor, deadline, holder, created_at, created_by, updated_at,"
		" updated_by, search_text, fields) VALUES ('01900000-0000-7000-8000-000000000001',"
		" 'surat_masuk', 2026, 1, '1', '2026-02-02', 'Bappeda', 'Undangan rapat lama',"
		" 'terbuka', 2, 'kadis', '2026-02-09', 'kadis', '2026-02-02T01:00:00Z', 'umum',"
		" '2026-02-02T01:00:00Z', 'umum', '', '{\"nomor_agenda\":\"1\"}');"
		"INSERT INTO step(id, case_id, no, actor, complete_on, started_at) VALUES"
		" ('01900000-0000-7000-8000-000000000002', '01900000-0000-7000-8000-000000000001',"
		" 2, 'kadis', 'dispose', '2026-02-02T01:00:00Z');"
		"INSERT INTO event(id, case_id, at, actor, action, new_value) VALUES"
		" ('01900000-0000-7000-8000-000000000003', '01900000-0000-7000-8000-000000000001',"
		" '2026-02-02T01:00:00Z', 'umum', 'dibuat', '1');";
	if (sqlite3_exec(st->db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s", err);
	store_close(st);

	assert_int_equal(store_open(old, 0, &st, &cause), 0);
	assert_int_equal(store_schema_version(st), 4);
	struct case_rec c;
	assert_int_equal(store_case_get(st, "01900000-0000-7000-8000-000000000001", &c), 1);
	assert_string_equal(c.subject, "Undangan rapat lama");
	assert_int_equal(c.paused_days, 0);
	assert_null(c.paused_since);
	assert_null(c.koperasi_id);
	assert_null(c.letter_id);
	case_clear(&c);
	/* the views read the new columns; the old letter is overdue, as before */
	struct list_query q = { .view = VIEW_OVERDUE, .today = "2026-03-02" };
	assert_int_equal(store_list_count(st, &q, &cause), 1);
	struct case_row *rows;
	size_t n;
	assert_int_equal(store_list_page(st, &q, NULL, 0, 10, &rows, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].paused, 0);
	assert_null(rows[0].linked);
	case_rows_free(rows, n);
	q.view = VIEW_MINE;
	q.position = "kadis";
	assert_int_equal(store_list_count(st, &q, &cause), 1);
	q.view = VIEW_ALL;
	q.search = "undangan";
	assert_int_equal(store_list_count(st, &q, &cause), 1);
	if (sqlite3_exec(st->db, "INSERT INTO case_fts(case_fts) VALUES ('integrity-check')",
			 NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s", err);
	/* the migrated schema is the new one, object for object */
	const char *schema_sql = "SELECT group_concat(type || ' ' || name || ': ' || coalesce(sql, ''),"
				 " char(10)) FROM (SELECT * FROM sqlite_schema ORDER BY name)";
	sqlite3_stmt *s1, *s2;
	assert_int_equal(sqlite3_prepare_v2(st->db, schema_sql, -1, &s1, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(f->a.st->db, schema_sql, -1, &s2, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s1), SQLITE_ROW);
	assert_int_equal(sqlite3_step(s2), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s1, 0),
			    (const char *)sqlite3_column_text(s2, 0));
	sqlite3_finalize(s1);
	sqlite3_finalize(s2);
	/* a new case in the migrated database takes the next number */
	store_set_calendar(st, f->a.cal);
	const struct kind *k = kind_of(f, "surat_masuk");
	struct values v;
	values_init(&v);
	values_set(&v, "asal_surat", "BPS");
	values_set(&v, "nomor_surat", "005/BPS/2026");
	values_set(&v, "tanggal_surat", "27-02-2026");
	values_set(&v, "perihal", "Data");
	struct errs e;
	errs_init(&e);
	assert_int_equal(kind_normalize(k, &v, &e), 0);
	errs_free(&e);
	assert_int_equal(store_case_insert(st, k, &v, "umum", "2026-03-09", &c, &cause), 0);
	assert_string_equal(c.number_text, "2");
	case_clear(&c);
	values_free(&v);
	store_close(st);
	free(old);
}

/* ---- kind loader: [list], [rules], [registry] ----------------------------- */

static const char KIND_HEAD[] =
	"[kind]\ntitle = Uji\n"
	"[field.nomor]\nlabel = Nomor\ntype = text\nrole = number\nauto = yes\n"
	"[field.tanggal]\nlabel = Tanggal\ntype = date\nrole = received\n"
	"[field.koperasi]\nlabel = Koperasi\ntype = koperasi\nrole = koperasi\n"
	"[field.surat]\nlabel = Surat\ntype = text\n"
	"[field.ke]\nlabel = Ke\ntype = choice\nchoices = \"kabkota;nasional\"\n"
	"[field.nomor_penerusan]\nlabel = Nomor penerusan\ntype = text\n"
	"[field.terbit]\nlabel = Terbit\ntype = date\n"
	"[field.catatan]\nlabel = Catatan\ntype = text\n";

/* Loads KIND_HEAD + tail; returns the problems joined by newlines (caller
 * frees), or NULL when it loaded (*out set). */
static char *load_kind(const char *tail, struct kind **out)
{
	char *dir = tu_tmpdir();
	char *text = xasprintf("%s%s", KIND_HEAD, tail);
	char *path = tu_write(dir, "uji.ini", text);
	struct errs e;
	errs_init(&e);
	struct kind *k = NULL;
	int r = kind_load_file(path, "data", &k, &e);
	char *msgs = r == 0 ? NULL : errs_join(&e, "\n");
	if (out != NULL)
		*out = k;
	else
		kind_free(k);
	errs_free(&e);
	free(text);
	free(path);
	tu_rmdir(dir);
	free(dir);
	return msgs;
}

static void expect_load_error(const char *tail, const char *want)
{
	char *m = load_kind(tail, NULL);
	if (m == NULL)
		fail_msg("loaded without error; expected '%s'", want);
	if (strstr(m, want) == NULL)
		fail_msg("'%s' not in:\n%s", want, m);
	free(m);
}

/* wf-8: the new sections load, and each bad key is named with file, section and key. */
static void test_kind_sections(void **state)
{
	(void)state;
	struct kind *k = NULL;
	char *m = load_kind("[list]\ncolumns = nomor, koperasi , tahap, batas_waktu\n"
			    "[rules]\nsurat_masuk = surat\nkantor_layanan = yes\nditeruskan = ke\n"
			    "surat_penerusan = nomor_penerusan\n"
			    "[registry]\nno_sertifikat = catatan\ntanggal_sertifikat = terbit\n"
			    "rat = tanggal\nstatus_nik = = Sudah Bersertifikat\n", &k);
	if (m != NULL)
		fail_msg("%s", m);
	assert_int_equal(k->n_columns, 4);
	assert_string_equal(k->columns[1], "koperasi");
	assert_string_equal(k->columns[3], "batas_waktu");
	assert_int_equal(k->serving_office, 1);
	assert_string_equal(k->forward_field, "ke");
	assert_string_equal(k->forward_letter_field, "nomor_penerusan");
	assert_string_equal(k->letter_field, "surat");
	assert_int_equal(k->n_registry, 4);
	int rat = 0, fixed = 0;
	for (size_t i = 0; i < k->n_registry; i++)
		if (strcmp(k->registry[i].kop_field, "rat") == 0) {
			rat = 1;
			assert_string_equal(k->registry[i].case_field, "tanggal");
		} else if (strcmp(k->registry[i].kop_field, "status_nik") == 0) {
			fixed = 1;
			assert_null(k->registry[i].case_field);
			assert_string_equal(k->registry[i].literal, "Sudah Bersertifikat");
		}
	assert_true(rat);
	assert_true(fixed);
	kind_free(k);

	expect_load_error("[list]\ncolumns = nomor, pemohon\n",
			  "uji.ini: [list] columns: 'pemohon' bukan isian jenis ini dan bukan kolom berkas");
	expect_load_error("[list]\ncolumns = nomor, nomor\n", "[list] columns: 'nomor' disebut dua kali");
	expect_load_error("[list]\nkolom = nomor\n", "uji.ini: [list] kolom: kunci tidak dikenal");
	expect_load_error("[rules]\nsurat_masuk = surat_masuk\n",
			  "uji.ini: [rules] surat_masuk: isian 'surat_masuk' tidak ada di jenis ini");
	expect_load_error("[rules]\nsurat_masuk = terbit\n",
			  "[rules] surat_masuk: isian 'terbit' harus bertipe text atau number");
	expect_load_error("[rules]\nkantor_layanan = ya\n",
			  "uji.ini: [rules] kantor_layanan: 'ya' harus yes atau no");
	expect_load_error("[rules]\nkantor_layanan = yes\n",
			  "[rules] diteruskan: wajib diisi bila kantor_layanan = yes");
	expect_load_error("[rules]\nkantor_layanan = yes\nditeruskan = catatan\n"
			  "surat_penerusan = nomor_penerusan\n",
			  "[rules] diteruskan: isian 'catatan' harus bertipe choice");
	expect_load_error("[rules]\nditerusakn = ke\n",
			  "[rules] diterusakn: kunci tidak dikenal (maksudnya 'diteruskan'?)");
	expect_load_error("[registry]\nno_sertifikatt = catatan\n",
			  "uji.ini: [registry] no_sertifikatt: bukan isian registri koperasi");
	expect_load_error("[registry]\nno_sertifikat = nomor_sk\n",
			  "uji.ini: [registry] no_sertifikat: isian 'nomor_sk' tidak ada di jenis ini");
	expect_load_error("[registry]\nrat = catatan\n",
			  "[registry] rat: isian 'catatan' harus bertipe date");
	expect_load_error("[registry]\nstatus_nik = =\n", "uji.ini: [registry] status_nik: nilai tetap kosong");
	expect_load_error("[registry]\nrat = = 2026\n", "[registry] rat: rat memerlukan isian tanggal");
	expect_load_error("[registry]\nno_sertifikat = terbit\n",
			  "[registry] no_sertifikat: isian 'terbit' bertipe date");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_requirement_gate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_return_with_reason, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pause_moves_deadline, setup, teardown),
		cmocka_unit_test_setup_teardown(test_serving_office, setup, teardown),
		cmocka_unit_test_setup_teardown(test_certificate_writeback, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rat_writeback_grade, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migration_v2, setup, teardown),
		cmocka_unit_test(test_kind_sections),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
