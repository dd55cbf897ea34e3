/* store_flow.c: the links and rules of the case workflow (issue 3): the cooperative and the incoming letter a case links to, the serving office of a NIK certificate request, the registry write-back, the requirement checklist, and the linked cases shown in lists. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "date.h"
#include "koperasi.h"

/* The kind whose office numbers a letter field ([rules] surat_masuk) names. */
#define FLOW_LETTER_KIND "surat_masuk"
/* Most linked cases named in a list row's text. */
#define FLOW_LINKED_MAX 3

static const char SQL_KOP_EVENT[] =
	"INSERT INTO koperasi_event(id, koperasi_id, at, actor, on_behalf, action, field,"
	" old_value, new_value) VALUES (:id, :kid, :at, :actor, NULL, :action, :field, NULL, :new)";
static const char SQL_FORWARDED[] = "UPDATE cases SET forwarded_to = :to WHERE id = :id";
static const char SQL_REQS[] =
	"SELECT req_key, done, note, by, at FROM case_req WHERE case_id = :case_id";
static const char SQL_REQS_DONE[] =
	"SELECT req_key FROM case_req WHERE case_id = :case_id AND done = 1";
static const char SQL_LINK_OUT[] =
	"SELECT l.id, l.kind, l.number_text, l.subject, l.status, l.year FROM cases c"
	" JOIN cases l ON l.id = c.letter_id WHERE c.id = :id";
static const char SQL_LINK_IN[] =
	"SELECT id, kind, number_text, subject, status, year FROM cases WHERE letter_id = :id"
	" ORDER BY rid";
static const char SQL_LINKED_IN[] =
	"SELECT kind, number_text, year FROM cases WHERE letter_id = :id ORDER BY rid"
	" LIMIT 4";
static const char SQL_LINKED_OUT[] =
	"SELECT kind, number_text, year FROM cases WHERE id = :id";

/* ---- the registry's reference data --------------------------------------- */

const struct kop_ref *store_koperasi_ref(struct store *st, char **cause)
{
	if (st->kop_ref != NULL)
		return st->kop_ref;
	if (st->data_dir == NULL) {
		if (cause != NULL)
			*cause = xstrdup(_("data rujukan koperasi tidak dapat dimuat: folder data/"
					   " belum ditentukan"));
		return NULL;
	}
	struct errs e;
	errs_init(&e);
	st->kop_ref = koperasi_ref_load(st->data_dir, &e);
	if (st->kop_ref == NULL && cause != NULL)
		*cause = e.n > 0 ? errs_join(&e, "; ")
				 : xasprintf(_("%s: data koperasi tidak dapat dibaca"), st->data_dir);
	errs_free(&e);
	return st->kop_ref;
}

/* ---- links, serving office, write-back on save ----------------------------- */

void store_flow_plan_free(struct flow_plan *fp)
{
	free(fp->kop_name);
	free(fp->forward_to);
	free(fp->forward_text);
	if (fp->writeback != NULL) {
		koperasi_clear(fp->writeback);
		free(fp->writeback);
	}
	memset(fp, 0, sizeof *fp);
}

/* 1 if s looks like a case id (36 characters of hex digits and dashes). */
static int flow_is_id(const char *s)
{
	if (strlen(s) != 36)
		return 0;
	for (const char *p = s; *p; p++)
		if (!isxdigit((unsigned char)*p) && *p != '-')
			return 0;
	return 1;
}

/* Value of key in v when not empty, else NULL. */
static const char *flow_val(const struct values *v, const char *key)
{
	const char *s = key != NULL ? values_get(v, key) : NULL;
	return s != NULL && *s != '\0' ? s : NULL;
}

/* 1 if the stored case had the same non-empty value for key. */
static int flow_same(const struct case_rec *old, const char *key, const char *val)
{
	const char *o = old != NULL ? flow_val(&old->fields, key) : NULL;
	return o != NULL && val != NULL && strcmp(o, val) == 0;
}

/* Resolves the koperasi field into kop: 1 linked, 0 no value, -1 with cause. */
static int flow_koperasi(struct store *st, const struct kind *k, struct values *v,
			 const struct case_rec *old, struct koperasi *kop, char **cause)
{
	koperasi_init(kop);
	const struct kfield *kf = kind_field_by_role(k, FR_KOPERASI);
	const char *val = kf != NULL ? flow_val(v, kf->key) : NULL;
	if (val == NULL)
		return 0;
	int r = 0;
	/* an unchanged field keeps its link, even if the value would now name
	 * another cooperative */
	if (old != NULL && old->koperasi_id != NULL && flow_same(old, kf->key, val)) {
		r = store_koperasi_get(st, old->koperasi_id, kop);
		if (r == 0)
			koperasi_clear(kop);
	}
	if (r == 0)
		r = store_koperasi_find(st, val, kop);
	if (r < 0) {
		store_db_cause(st, cause);
		koperasi_clear(kop);
		return -1;
	}
	if (r == 0) {
		char *safe = str_sanitize(val, 1);
		*cause = xasprintf(_("%s: tidak ada koperasi dengan NIK/id '%s' di registri"), kf->key,
				   safe);
		free(safe);
		koperasi_clear(kop);
		return -1;
	}
	/* stored as the NIK (or the registry id when it has none) */
	values_set(v, kf->key, kop->nik != NULL ? kop->nik : kop->id);
	return 1;
}

/* Resolves the letter field into fp->letter_id: 0, or -1 with cause. */
static int flow_letter(struct store *st, const struct kind *k, const struct values *v,
		       const struct case_rec *old, struct flow_plan *fp, char **cause)
{
	const char *val = flow_val(v, k->letter_field);
	if (val == NULL)
		return 0;
	if (old != NULL && old->letter_id != NULL && flow_same(old, k->letter_field, val)) {
		snprintf(fp->letter_id, sizeof fp->letter_id, "%s", old->letter_id);
		return 0;
	}
	struct case_rec lc;
	memset(&lc, 0, sizeof lc);
	values_init(&lc.fields);
	int r;
	if (flow_is_id(val)) {
		r = store_case_get(st, val, &lc);
		if (r == 1 && strcmp(lc.kind, FLOW_LETTER_KIND) != 0)
			r = 0;
	} else {
		/* as 'show NUMBER': this year first, then the latest year */
		int y, m, d;
		date_to_ymd(clock_today(), &y, &m, &d);
		r = store_case_find(st, FLOW_LETTER_KIND, val, y, &lc);
		if (r == 0) {
			case_clear(&lc);
			r = store_case_find(st, FLOW_LETTER_KIND, val, 0, &lc);
		}
		/* YYYY/NUMBER: a number of that year's agenda book (a number
		 * used again this year hides the older one otherwise) */
		int year = 0, used = 0;
		if (r == 0 && sscanf(val, "%4d/%n", &year, &used) == 1 && used == 5 &&
		    year >= 1900 && val[used] != '\0') {
			case_clear(&lc);
			r = store_case_find(st, FLOW_LETTER_KIND, val + used, year, &lc);
		}
	}
	if (r < 0) {
		store_db_cause(st, cause);
	} else if (r == 0) {
		char *safe = str_sanitize(val, 1);
		*cause = xasprintf(_("%s: tidak ada surat masuk dengan nomor agenda '%s'"),
				   k->letter_field, safe);
		free(safe);
		r = -1;
	} else if (old != NULL && strcmp(lc.id, old->id) == 0) {
		*cause = xasprintf(_("%s: berkas tidak dapat menunjuk dirinya sendiri"),
				   k->letter_field);
		r = -1;
	} else {
		snprintf(fp->letter_id, sizeof fp->letter_id, "%s", lc.id);
	}
	case_clear(&lc);
	return r < 0 ? -1 : 0;
}

/* The office code a forward field value names, for koperasi_office. */
static enum kop_office flow_office_of(const char *code)
{
	if (code != NULL && strcmp(code, "kabkota") == 0)
		return KOP_OFFICE_KABKOTA;
	if (code != NULL && strcmp(code, "nasional") == 0)
		return KOP_OFFICE_KEMENTERIAN;
	if (code != NULL && strcmp(code, "provinsi") == 0)
		return KOP_OFFICE_PROVINSI;
	return KOP_OFFICE_UNKNOWN;
}

/* Label of a field for messages ("Diteruskan ke"), or its key. */
static const char *flow_label(const struct kind *k, const char *key)
{
	const struct kfield *f = kind_field(k, key);
	return f != NULL && f->label != NULL ? f->label : key;
}

/* The serving-office rule (seed 000 step 2): 0, or -1 with cause. Sets
 * fp->forward_to when the request is forwarded on this save. */
static int flow_office(struct store *st, const struct kind *k, const struct values *v,
		       const struct case_rec *old, const struct koperasi *kop, int kop_changed,
		       struct flow_plan *fp, char **cause)
{
	if (old != NULL && old->forwarded_to != NULL)
		return 0; /* recorded as forwarded already */
	const struct kfield *kf = kind_field_by_role(k, FR_KOPERASI);
	const char *fwd = flow_val(v, k->forward_field);
	const char *letter = flow_val(v, k->forward_letter_field);
	char *msg = NULL;
	enum kop_office o = koperasi_office(store_koperasi_ref(st, NULL), kop, &msg);
	int ret = -1;
	if (o == KOP_OFFICE_PROVINSI) {
		if (fwd == NULL) {
			ret = 0;
		} else {
			*cause = xasprintf(_("%s: koperasi ini dilayani Dinas provinsi (kantor ini)"
					     " menurut wilayah keanggotaannya; kosongkan isian ini"),
					   k->forward_field);
		}
	} else if (fwd == NULL) {
		if (old != NULL && !kop_changed)
			ret = 0; /* registered before; the registry changed since */
		else
			*cause = xasprintf(_("%s: %s Isi '%s' (%s) dan '%s' (%s) untuk mencatat"
					     " penerusannya; berkas lalu ditutup."),
					   kf ? kf->key : "koperasi", msg ? msg : "",
					   flow_label(k, k->forward_field), k->forward_field,
					   flow_label(k, k->forward_letter_field),
					   k->forward_letter_field);
	} else if (o != KOP_OFFICE_UNKNOWN && flow_office_of(fwd) != o) {
		*cause = xasprintf(_("%s: koperasi ini dilayani %s menurut wilayah keanggotaannya,"
				     " bukan %s"), k->forward_field, koperasi_office_label(o),
				   koperasi_office_label(flow_office_of(fwd)));
	} else if (letter == NULL) {
		*cause = xasprintf(_("%s: wajib diisi bila permohonan diteruskan (nomor surat"
				     " penerusan)"), k->forward_letter_field);
	} else {
		const struct kop_ref *ref = store_koperasi_ref(st, NULL);
		const struct kop_item *kk = ref != NULL && kop->kabkota != NULL
			? koperasi_list_find(koperasi_ref_list(ref, "wilayah"), kop->kabkota) : NULL;
		fp->forward_to = xstrdup(fwd);
		if (flow_office_of(fwd) == KOP_OFFICE_KABKOTA && kk != NULL)
			fp->forward_text = xasprintf(_("%s %s, surat %s"),
						     koperasi_office_label(KOP_OFFICE_KABKOTA),
						     kk->name, letter);
		else
			fp->forward_text = xasprintf(_("%s, surat %s"),
						     koperasi_office_label(flow_office_of(fwd)),
						     letter);
		ret = 0;
	}
	free(msg);
	return ret;
}

/* The first message of e about registry field kop_key, moved to case field
 * case_key ("berlaku_sampai: ..."), or NULL. Caller frees. */
static char *flow_kop_msg(const struct errs *e, const char *kop_key, const char *case_key)
{
	size_t kl = strlen(kop_key);
	for (size_t i = 0; i < e->n; i++)
		if (strncmp(e->msg[i], kop_key, kl) == 0 && strncmp(e->msg[i] + kl, ": ", 2) == 0)
			return xasprintf(_("%s: registri koperasi: %s"), case_key, e->msg[i] + kl + 2);
	return NULL;
}

/* The cooperative with the kind's [registry] fields applied: 0 (fp->writeback
 * set when it changes), or -1 with cause naming the case field. */
static int flow_writeback(struct store *st, const struct kind *k, const struct values *v,
			  const struct koperasi *kop, struct flow_plan *fp, char **cause)
{
	struct koperasi part, norm, nk;
	koperasi_init(&part);
	koperasi_init(&norm);
	koperasi_copy(&nk, kop);
	struct errs e;
	errs_init(&e);
	int ret = -1, any = 0, failed = 0;
	const struct kop_ref *ref = NULL;
	/* the plain fields, checked as the registry checks them */
	for (size_t i = 0; i < k->n_registry; i++) {
		const struct kind_regmap *m = &k->registry[i];
		const struct kop_fielddef *f = koperasi_field(m->kop_field);
		const char *val = flow_val(v, m->case_field);
		if (f == NULL || val == NULL)
			continue;
		koperasi_put(&part, f->id, val);
		any = 1;
	}
	/* fixed values go with the fields the case fills */
	for (size_t i = 0; any && i < k->n_registry; i++) {
		const struct kind_regmap *m = &k->registry[i];
		const struct kop_fielddef *f = koperasi_field(m->kop_field);
		if (f != NULL && m->literal != NULL)
			koperasi_put(&part, f->id, m->literal);
	}
	if (any) {
		if ((ref = store_koperasi_ref(st, cause)) == NULL)
			goto out;
		if (koperasi_normalize_fields(ref, &part, &norm, &e) != 0) {
			failed = 1;
			goto bad;
		}
		for (size_t i = 0; i < KF_COUNT; i++) {
			const char *nv = koperasi_get(&norm, (enum kop_fid)i);
			if (nv != NULL)
				koperasi_put(&nk, (enum kop_fid)i, nv);
		}
	}
	/* rat = field: the RAT date joins the history, the grade follows */
	for (size_t i = 0; i < k->n_registry; i++) {
		const struct kind_regmap *m = &k->registry[i];
		const char *val = flow_val(v, m->case_field);
		if (strcmp(m->kop_field, "rat") != 0 || val == NULL)
			continue;
		if (ref == NULL && (ref = store_koperasi_ref(st, cause)) == NULL)
			goto out;
		if (koperasi_record_rat(ref, &nk, val, &e) != 0) {
			*cause = flow_kop_msg(&e, "rat_terakhir", m->case_field);
			if (*cause == NULL)
				*cause = xasprintf("%s: %s", m->case_field, e.n ? e.msg[0] : "?");
			goto out;
		}
	}
	/* the record as a whole (dates not in the future, in order); only
	 * problems of the fields written count: an older problem of the
	 * record is the registry's business */
	{
		struct koperasi chk;
		koperasi_copy(&chk, &nk);
		errs_free(&e);
		errs_init(&e);
		koperasi_check(&chk, &e);
		koperasi_clear(&chk);
	}
bad:
	for (size_t i = 0; i < k->n_registry; i++) {
		const struct kind_regmap *m = &k->registry[i];
		if (flow_val(v, m->case_field) == NULL || strcmp(m->kop_field, "rat") == 0)
			continue;
		char *msg = flow_kop_msg(&e, m->kop_field, m->case_field);
		if (msg != NULL) {
			*cause = msg;
			goto out;
		}
	}
	if (failed) {
		*cause = xasprintf(_("registri koperasi: %s"), e.n ? e.msg[0] : "?");
		goto out;
	}
	for (size_t i = 0; i < KF_COUNT; i++) {
		const char *a = koperasi_get(kop, (enum kop_fid)i), *b = koperasi_get(&nk, (enum kop_fid)i);
		if ((a == NULL) != (b == NULL) || (a != NULL && strcmp(a, b) != 0)) {
			fp->writeback = xmalloc(sizeof *fp->writeback);
			*fp->writeback = nk;
			koperasi_init(&nk);
			break;
		}
	}
	ret = 0;
out:
	koperasi_clear(&part);
	koperasi_clear(&norm);
	koperasi_clear(&nk);
	errs_free(&e);
	return ret;
}

int store_flow_prepare(struct store *st, const struct kind *k, struct values *v,
		       const struct case_rec *old, struct flow_plan *fp, char **cause)
{
	memset(fp, 0, sizeof *fp);
	struct koperasi kop;
	int r = flow_koperasi(st, k, v, old, &kop, cause);
	if (r < 0)
		return -1;
	int ret = -1;
	if (r == 1) {
		snprintf(fp->kop_id, sizeof fp->kop_id, "%s", kop.id);
		fp->kop_name = xstrdup(kop.nama);
	}
	if (flow_letter(st, k, v, old, fp, cause) != 0)
		goto out;
	int kop_changed = old == NULL || old->koperasi_id == NULL ||
			  strcmp(old->koperasi_id, fp->kop_id) != 0;
	if (r == 1 && k->serving_office &&
	    flow_office(st, k, v, old, &kop, kop_changed, fp, cause) != 0)
		goto out;
	/* a request served elsewhere writes nothing to the registry */
	int forwarded = fp->forward_to != NULL || (old != NULL && old->forwarded_to != NULL);
	if (r == 1 && k->n_registry > 0 && !forwarded &&
	    flow_writeback(st, k, v, &kop, fp, cause) != 0)
		goto out;
	ret = 0;
out:
	koperasi_clear(&kop);
	if (ret != 0)
		store_flow_plan_free(fp);
	return ret;
}

int store_flow_apply(struct store *st, const struct kind *k, const char *case_id,
		     const char *number_text, struct flow_plan *fp, const char *now,
		     const char *actor, char **cause)
{
	if (fp->forward_to != NULL) {
		sqlite3_stmt *s = store_stmt(st, SQL_FORWARDED);
		store_bind_text(s, ":to", fp->forward_to);
		store_bind_text(s, ":id", case_id);
		if (store_run(st, s, cause) != 0)
			return -1;
		if (store_event(st, case_id, now, actor, NULL, "diteruskan", "kantor_layanan", NULL,
				fp->forward_text, cause) != 0)
			return -1;
		if (store_case_finish(st, case_id, now, actor, cause) != 0)
			return -1;
	}
	if (fp->writeback != NULL) {
		/* the history names the case first, then each field it changed */
		char eid[37];
		store_uuid(st, eid);
		sqlite3_stmt *s = store_stmt(st, SQL_KOP_EVENT);
		store_bind_text(s, ":id", eid);
		store_bind_text(s, ":kid", fp->writeback->id);
		store_bind_text(s, ":at", now);
		store_bind_text(s, ":actor", actor ? actor : "?");
		store_bind_text(s, ":action", "dari_berkas");
		store_bind_text(s, ":field", k->key);
		store_bind_text(s, ":new", number_text);
		if (store_run(st, s, cause) != 0)
			return -1;
		int changed = 0;
		if (store_koperasi_update(st, fp->writeback, fp->writeback->version, actor, NULL,
					  &changed, cause) != 0)
			return -1;
	}
	return 0;
}

/* ---- requirements ------------------------------------------------------------- */

void reqs_free(struct req_rec *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(r[i].note);
		free(r[i].by);
		free(r[i].at);
	}
	free(r);
}

int store_case_reqs(struct store *st, const struct kind *k, const char *case_id,
		    struct req_rec **out, size_t *n, char **cause)
{
	*out = NULL;
	*n = 0;
	struct req_rec *r = xcalloc(k->n_reqs ? k->n_reqs : 1, sizeof *r);
	for (size_t i = 0; i < k->n_reqs; i++)
		r[i].req = &k->reqs[i];
	sqlite3_stmt *s = store_stmt(st, SQL_REQS);
	store_bind_text(s, ":case_id", case_id);
	int rc;
	while ((rc = store_step(st, s, cause)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(s, 0);
		for (size_t i = 0; key != NULL && i < k->n_reqs; i++) {
			if (strcmp(k->reqs[i].key, key) != 0)
				continue;
			r[i].done = sqlite3_column_int(s, 1) != 0;
			r[i].note = store_col_text(s, 2);
			r[i].by = store_col_text(s, 3);
			r[i].at = store_col_text(s, 4);
		}
	}
	if (rc != SQLITE_DONE) {
		reqs_free(r, k->n_reqs);
		return -1;
	}
	store_reset(s);
	*out = r;
	*n = k->n_reqs;
	return 0;
}

int store_reqs_missing(struct store *st, const struct kind *k, const char *case_id,
		       char **labels)
{
	if (labels != NULL)
		*labels = NULL;
	char *ticked = xcalloc(k->n_reqs ? k->n_reqs : 1, 1);
	sqlite3_stmt *s = store_stmt(st, SQL_REQS_DONE);
	store_bind_text(s, ":case_id", case_id);
	int rc;
	while ((rc = store_step(st, s, NULL)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(s, 0);
		for (size_t i = 0; key != NULL && i < k->n_reqs; i++)
			if (strcmp(k->reqs[i].key, key) == 0)
				ticked[i] = 1;
	}
	if (rc != SQLITE_DONE) {
		free(ticked);
		return -1;
	}
	store_reset(s);
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	int missing = 0;
	for (size_t i = 0; i < k->n_reqs; i++) {
		if (!k->reqs[i].required || ticked[i])
			continue;
		if (missing++ > 0)
			buf_adds(&b, "; ");
		buf_adds(&b, k->reqs[i].label ? k->reqs[i].label : k->reqs[i].key);
	}
	free(ticked);
	if (labels != NULL)
		*labels = buf_steal(&b);
	buf_free(&b);
	return missing;
}

/* ---- links ---------------------------------------------------------------------- */

void links_free(struct case_link *l, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(l[i].kind);
		free(l[i].number_text);
		free(l[i].subject);
		free(l[i].status);
		free(l[i].text);
	}
	free(l);
}

static void flow_link_text(struct store *st, struct buf *b, const char *kind,
			   const char *number, int year);

/* Appends the rows of a link query (id bound) to *out. */
static int flow_links_read(struct store *st, sqlite3_stmt *s, int incoming,
			   struct case_link **out, size_t *n, size_t *cap)
{
	int rc;
	while ((rc = store_step(st, s, NULL)) == SQLITE_ROW) {
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 4;
			*out = xreallocarray(*out, *cap, sizeof **out);
		}
		struct case_link *l = &(*out)[(*n)++];
		store_col_id(s, 0, l->id);
		l->kind = store_col_text(s, 1);
		l->number_text = store_col_text(s, 2);
		l->subject = store_col_text(s, 3);
		l->status = store_col_text(s, 4);
		l->incoming = incoming;
		struct buf b;
		buf_init(&b);
		flow_link_text(st, &b, l->kind, l->number_text, sqlite3_column_int(s, 5));
		l->text = buf_steal(&b);
	}
	if (rc != SQLITE_DONE)
		return -1;
	store_reset(s);
	return 0;
}

int store_case_links(struct store *st, const char *case_id, struct case_link **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	sqlite3_stmt *s = store_stmt(st, SQL_LINK_OUT);
	store_bind_text(s, ":id", case_id);
	if (flow_links_read(st, s, 0, out, n, &cap) != 0)
		goto fail;
	s = store_stmt(st, SQL_LINK_IN);
	store_bind_text(s, ":id", case_id);
	if (flow_links_read(st, s, 1, out, n, &cap) != 0)
		goto fail;
	return 0;
fail:
	links_free(*out, *n);
	*out = NULL;
	*n = 0;
	return -1;
}

/* 1 if part is one of the '/'-separated parts of number ("NIK" of
 * "0001/NIK/2026"). */
static int flow_number_part(const char *number, const char *part)
{
	size_t pl = strlen(part);
	for (const char *p = number; pl > 0; p++) {
		const char *e = strchr(p, '/');
		size_t n = e != NULL ? (size_t)(e - p) : strlen(p);
		if (n == pl && strncmp(p, part, pl) == 0)
			return 1;
		if (e == NULL)
			return 0;
		p = e;
	}
	return 0;
}

/* Appends "SHORT NUMBER" of a linked case to b ("SM 12/2026"), or the number
 * alone when it names the kind already ("0001/NIK/2026"); the year is added
 * when the number does not show it. */
static void flow_link_text(struct store *st, struct buf *b, const char *kind,
			   const char *number, int year)
{
	const struct kind *k = st->kinds != NULL && kind != NULL ? kindset_find(st->kinds, kind)
								 : NULL;
	const char *sh = k != NULL && k->short_title != NULL ? k->short_title : kind;
	char ys[16];
	snprintf(ys, sizeof ys, "%d", year);
	if (b->len > 0)
		buf_adds(b, ", ");
	if (number != NULL && sh != NULL && flow_number_part(number, sh))
		buf_adds(b, number);
	else
		buf_printf(b, "%s %s", sh ? sh : "?", number ? number : "?");
	if (year > 0 && number != NULL && strstr(number, ys) == NULL)
		buf_printf(b, "/%d", year);
}

int store_rows_linked(struct store *st, struct case_row *rows, size_t n, char **cause)
{
	for (size_t i = 0; i < n; i++) {
		struct buf b;
		buf_init(&b);
		int rc, got = 0;
		if (rows[i].letter_id != NULL) {
			sqlite3_stmt *s = store_stmt(st, SQL_LINKED_OUT);
			store_bind_text(s, ":id", rows[i].letter_id);
			while ((rc = store_step(st, s, cause)) == SQLITE_ROW)
				flow_link_text(st, &b, (const char *)sqlite3_column_text(s, 0),
					       (const char *)sqlite3_column_text(s, 1),
					       sqlite3_column_int(s, 2));
			if (rc != SQLITE_DONE) {
				buf_free(&b);
				return -1;
			}
			store_reset(s);
		}
		sqlite3_stmt *s = store_stmt(st, SQL_LINKED_IN);
		store_bind_text(s, ":id", rows[i].id);
		while ((rc = store_step(st, s, cause)) == SQLITE_ROW) {
			if (++got > FLOW_LINKED_MAX) {
				buf_adds(&b, ", …");
				continue;
			}
			flow_link_text(st, &b, (const char *)sqlite3_column_text(s, 0),
				       (const char *)sqlite3_column_text(s, 1), sqlite3_column_int(s, 2));
		}
		if (rc != SQLITE_DONE) {
			buf_free(&b);
			return -1;
		}
		store_reset(s);
		free(rows[i].linked);
		rows[i].linked = b.len > 0 ? buf_steal(&b) : NULL;
		buf_free(&b);
	}
	return 0;
}
