/* print.c: plain-text paper sheets (lembar disposisi, kartu kendali, lembar pengantar) and printing. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>

#include "print.h"
#include "date.h"
#include "util.h"

#define PRINT_WIDTH 80 /* columns of a sheet */
#define PRINT_LABEL 20 /* columns of a "Label" before " : " */

/* A growable list of owned lines. */
struct print_lines {
	char  **v;
	size_t  n;
	size_t  cap;
};

static void print_lines_add(struct print_lines *l, char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = s;
}

static void print_lines_free(struct print_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Bytes of the UTF-8 sequence starting with c (input is sanitised, so valid). */
static size_t print_cp_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c < 0xe0)
		return 2;
	if (c < 0xf0)
		return 3;
	return 4;
}

/* Display width of the n bytes at s. */
static int print_width_n(const char *s, size_t n)
{
	char small[64];
	if (n < sizeof small) {
		memcpy(small, s, n);
		small[n] = '\0';
		return str_width(small);
	}
	char *t = xstrndup(s, n);
	int w = str_width(t);
	free(t);
	return w;
}

/*
 * Wraps text into lines of at most width columns, breaking at spaces; a word
 * wider than a line is cut between code points. Control characters are
 * sanitised; newlines start a new line unless single_line. Appends to out;
 * an empty text gives one empty line.
 */
static void print_wrap(const char *text, int width, int single_line, struct print_lines *out)
{
	char *clean = str_sanitize(text ? text : "", single_line);
	struct buf line;
	int lw = 0;
	size_t first = out->n;

	buf_init(&line);
	buf_add(&line, "", 0);
	for (char *p = clean; ; ) {
		if (*p == '\n' || *p == '\0') {
			print_lines_add(out, buf_steal(&line));
			buf_add(&line, "", 0);
			lw = 0;
			if (*p == '\0')
				break;
			p++;
			continue;
		}
		if (*p == ' ' || *p == '\t') {
			p++;
			continue;
		}
		size_t wl = strcspn(p, " \t\n");
		int ww = print_width_n(p, wl);
		if (lw > 0 && lw + 1 + ww <= width) {
			buf_addc(&line, ' ');
			buf_add(&line, p, wl);
			lw += 1 + ww;
			p += wl;
			continue;
		}
		if (lw > 0) {
			print_lines_add(out, buf_steal(&line));
			buf_add(&line, "", 0);
			lw = 0;
		}
		if (ww <= width) {
			buf_add(&line, p, wl);
			lw = ww;
			p += wl;
			continue;
		}
		/* A word longer than the line: cut it between code points. */
		char *end = p + wl;
		while (p < end) {
			size_t cl = print_cp_len((unsigned char)*p);
			int cw = print_width_n(p, cl);
			if (lw > 0 && lw + cw > width) {
				print_lines_add(out, buf_steal(&line));
				buf_add(&line, "", 0);
				lw = 0;
			}
			buf_add(&line, p, cl);
			lw += cw;
			p += cl;
		}
	}
	buf_free(&line);
	free(clean);
	/* Drop trailing empty lines, but keep at least one. */
	while (out->n > first + 1 && out->v[out->n - 1][0] == '\0')
		free(out->v[--out->n]);
}

static void print_spaces(struct buf *b, int n)
{
	for (int i = 0; i < n; i++)
		buf_addc(b, ' ');
}

static void print_rule(struct buf *b, char c)
{
	for (int i = 0; i < PRINT_WIDTH; i++)
		buf_addc(b, c);
	buf_addc(b, '\n');
}

/* Centred text (wrapped when wider than the sheet). */
static void print_center(struct buf *b, const char *text)
{
	struct print_lines l = { 0 };
	print_wrap(text, PRINT_WIDTH, 1, &l);
	for (size_t i = 0; i < l.n; i++) {
		print_spaces(b, (PRINT_WIDTH - str_width(l.v[i])) / 2);
		buf_adds(b, l.v[i]);
		buf_addc(b, '\n');
	}
	print_lines_free(&l);
}

/* "prefix" then text wrapped, continuation lines indented by indent columns. */
static void print_hanging(struct buf *b, const char *prefix, int indent, const char *text,
			  int single_line)
{
	struct print_lines l = { 0 };
	int pw = str_width(prefix);
	int width = PRINT_WIDTH - (pw > indent ? pw : indent);
	print_wrap(text, width > 10 ? width : 10, single_line, &l);
	for (size_t i = 0; i < l.n; i++) {
		if (i == 0)
			buf_adds(b, prefix);
		else
			print_spaces(b, indent);
		buf_adds(b, l.v[i]);
		buf_addc(b, '\n');
	}
	print_lines_free(&l);
}

/* "Label               : value" with the value wrapped under itself. */
static void print_field(struct buf *b, int indent, const char *label, const char *value,
			int single_line)
{
	struct buf p;
	buf_init(&p);
	print_spaces(&p, indent);
	char *lab = str_sanitize(label, 1);
	buf_adds(&p, lab);
	int pad = PRINT_LABEL - str_width(lab);
	print_spaces(&p, pad > 0 ? pad : 0);
	buf_adds(&p, ": ");
	free(lab);
	int iw = str_width(p.s);
	print_hanging(b, p.s, iw, value && *value ? value : "-", single_line);
	buf_free(&p);
}

/* One table row: every cell wrapped to its column, side by side between bars. */
static void print_row(struct buf *b, size_t ncol, const int *w, const char *const *cell)
{
	struct print_lines *l = xcalloc(ncol, sizeof *l);
	size_t height = 1;
	for (size_t c = 0; c < ncol; c++) {
		print_wrap(cell[c], w[c], 1, &l[c]);
		if (l[c].n > height)
			height = l[c].n;
	}
	for (size_t r = 0; r < height; r++) {
		for (size_t c = 0; c < ncol; c++) {
			const char *s = r < l[c].n ? l[c].v[r] : "";
			buf_adds(b, "| ");
			buf_adds(b, s);
			print_spaces(b, w[c] - str_width(s) + 1);
		}
		buf_adds(b, "|\n");
	}
	for (size_t c = 0; c < ncol; c++)
		print_lines_free(&l[c]);
	free(l);
}

static void print_row_rule(struct buf *b, size_t ncol, const int *w)
{
	for (size_t c = 0; c < ncol; c++) {
		buf_addc(b, '+');
		for (int i = 0; i < w[c] + 2; i++)
			buf_addc(b, '-');
	}
	buf_adds(b, "+\n");
}

/* Everything a sheet reads about one case. */
struct print_case {
	struct app         *a;
	struct case_rec     c;
	const struct kind  *k;    /* NULL when the kind is no longer defined */
	struct dispo       *d;    /* dispositions in tree order */
	size_t              nd;
};

static int print_case_load(struct app *a, const char *id, struct print_case *pc, char **cause)
{
	memset(pc, 0, sizeof *pc);
	pc->a = a;
	int r = store_case_get(a->st, id, &pc->c);
	if (r != 1) {
		*cause = r == 0 ? xasprintf(_("berkas %s tidak ditemukan"), id)
				: xasprintf(_("berkas %s tidak dapat dibaca"), id);
		return -1;
	}
	pc->k = kindset_find(&a->kinds, pc->c.kind);
	if (store_case_dispos(a->st, pc->c.id, &pc->d, &pc->nd) != 0) {
		pc->d = NULL;
		pc->nd = 0;
	}
	return 0;
}

static void print_case_free(struct print_case *pc)
{
	dispos_free(pc->d, pc->nd);
	case_clear(&pc->c);
}

/* ISO date -> DD-MM-YYYY in out, or the text itself when it is no date. */
static const char *print_dmy(const char *iso, char out[11])
{
	day_t d;
	if (iso == NULL || *iso == '\0')
		return NULL;
	if (date_parse_iso(iso, &d) != 0)
		return iso;
	date_fmt_dmy(d, out);
	return out;
}

/* The display text of field key (dates DD-MM-YYYY), or NULL when empty. Caller frees. */
static char *print_val(const struct print_case *pc, const char *key)
{
	const char *v = values_get(&pc->c.fields, key);
	if (v == NULL || *v == '\0')
		return NULL;
	const struct kfield *f = pc->k ? kind_field(pc->k, key) : NULL;
	if (f != NULL)
		return kind_display(f, v);
	return xstrdup(v);
}

/* The display text of the field with a role, falling back to the case column. */
static char *print_role(const struct print_case *pc, enum frole role, const char *fallback)
{
	const struct kfield *f = pc->k ? kind_field_by_role(pc->k, role) : NULL;
	if (f != NULL) {
		char *s = print_val(pc, f->key);
		if (s != NULL)
			return s;
	}
	return fallback && *fallback ? xstrdup(fallback) : NULL;
}

/* "500.3.2.1 Organisasi dan Badan Hukum Koperasi" from the field's code list. */
static char *print_code(const struct print_case *pc, const char *key)
{
	const char *v = values_get(&pc->c.fields, key);
	if (v == NULL || *v == '\0')
		return NULL;
	const struct kfield *f = pc->k ? kind_field(pc->k, key) : NULL;
	const struct refitem *it = f && f->ref ? reflist_find(f->ref, v) : NULL;
	if (it != NULL && it->label != NULL)
		return xasprintf("%s %s", v, it->label);
	return xstrdup(v);
}

static const char *print_penting(const char *p)
{
	if (p != NULL && strcmp(p, "P") == 0)
		return _("P (Penting)");
	if (p != NULL && strcmp(p, "B") == 0)
		return _("B (Biasa)");
	return p;
}

/* Office name and the sheet title, centred, then a double rule. */
static void print_head(struct buf *b, struct app *a, const char *title, const char *copy)
{
	if (a->cfg.office_name != NULL && *a->cfg.office_name != '\0')
		print_center(b, a->cfg.office_name);
	print_center(b, title);
	if (copy != NULL)
		print_center(b, copy);
	print_rule(b, '=');
}

/* "Nomor/tanggal surat" value: "500.3/1/X/2026, 25-02-2026". Caller frees. */
static char *print_letter_ref(const struct print_case *pc)
{
	char *no = print_role(pc, FR_LETTER_NO, pc->c.letter_no);
	char *date = print_val(pc, "tanggal_surat");
	char *s;
	if (no && date)
		s = xasprintf("%s, %s", no, date);
	else
		s = xstrdup(no ? no : date ? date : "");
	free(no);
	free(date);
	return s;
}

/* 1 if instruction item was used by any disposition of the case. */
static int print_instruction_used(const struct print_case *pc, const char *item)
{
	size_t il = strlen(item);
	for (size_t i = 0; i < pc->nd; i++) {
		const char *p = pc->d[i].instructions;
		while (p != NULL && *p != '\0') {
			while (*p == ' ' || *p == ';')
				p++;
			size_t n = strcspn(p, ";");
			size_t t = n;
			while (t > 0 && p[t - 1] == ' ')
				t--;
			if (t == il && t > 0 && strncasecmp(p, item, il) == 0)
				return 1;
			p += n;
		}
	}
	return 0;
}

static void print_instructions(struct buf *b, const struct print_case *pc)
{
	const struct config *cfg = &pc->a->cfg;
	int half = PRINT_WIDTH / 2;
	int two = 1;
	for (size_t i = 0; i < cfg->n_instructions; i++)
		if (str_width(cfg->instructions[i]) > half - 5)
			two = 0;
	buf_adds(b, _("INSTRUKSI / PETUNJUK"));
	buf_addc(b, '\n');
	for (size_t i = 0; i < cfg->n_instructions; i++) {
		const char *box = print_instruction_used(pc, cfg->instructions[i]) ? "[x] " : "[ ] ";
		if (two) {
			char *t = str_sanitize(cfg->instructions[i], 1);
			buf_adds(b, box);
			buf_adds(b, t);
			if (i % 2 == 0 && i + 1 < cfg->n_instructions)
				print_spaces(b, half - 4 - str_width(t));
			else
				buf_addc(b, '\n');
			free(t);
		} else {
			print_hanging(b, box, 4, cfg->instructions[i], 1);
		}
	}
}

static void print_dispositions(struct buf *b, const struct print_case *pc)
{
	buf_adds(b, _("DISPOSISI"));
	buf_addc(b, '\n');
	if (pc->nd == 0) {
		buf_adds(b, _("(belum ada disposisi)"));
		buf_addc(b, '\n');
		return;
	}
	for (size_t i = 0; i < pc->nd; i++) {
		const struct dispo *d = &pc->d[i];
		int ind = 2 * (d->depth < 10 ? d->depth : 10);
		char when[17] = "";
		time_t t;
		if (d->created_at != NULL && ts_parse_utc(d->created_at, &t) == 0)
			ts_fmt_local(t, when);
		char *head = xasprintf(_("%s -> %s  %s [%s]"),
				       app_position_name(pc->a, d->from_pos),
				       app_position_name(pc->a, d->to_pos), when,
				       dispo_state_label(d->state));
		char *prefix = xasprintf("%*s- ", ind, "");
		print_hanging(b, prefix, ind + 2, head, 1);
		free(prefix);
		free(head);
		if (d->instructions != NULL && *d->instructions)
			print_field(b, ind + 2, _("Instruksi"), d->instructions, 1);
		if (d->note != NULL && *d->note)
			print_field(b, ind + 2, _("Catatan"), d->note, 0);
		char dl[11];
		const char *dd = print_dmy(d->deadline, dl);
		if (dd != NULL)
			print_field(b, ind + 2, _("Batas waktu"), dd, 1);
		if (d->on_behalf != NULL && *d->on_behalf) {
			char *by = xasprintf(_("%s atas nama %s"), d->created_by ? d->created_by : "",
					     d->on_behalf);
			print_field(b, ind + 2, _("Dicatat oleh"), by, 1);
			free(by);
		}
		if (d->followup != NULL && *d->followup)
			print_field(b, ind + 2, _("Tindak lanjut"), d->followup, 0);
	}
}

static void print_disposisi(struct buf *b, const struct print_case *pc)
{
	const struct case_rec *c = &pc->c;
	char tmp[11];

	print_head(b, pc->a, _("LEMBAR DISPOSISI"), NULL);
	char *v = print_role(pc, FR_NUMBER, c->number_text);
	print_field(b, 0, _("Nomor agenda"), c->number_text ? c->number_text : v, 1);
	free(v);
	v = print_role(pc, FR_RECEIVED, print_dmy(c->received, tmp));
	print_field(b, 0, _("Tanggal diterima"), v, 1);
	free(v);
	v = print_role(pc, FR_PARTY, c->party);
	print_field(b, 0, _("Asal surat"), v, 1);
	free(v);
	v = print_letter_ref(pc);
	print_field(b, 0, _("Nomor/tanggal surat"), v, 1);
	free(v);
	v = print_role(pc, FR_SUBJECT, c->subject);
	print_field(b, 0, _("Perihal"), v, 0);
	free(v);
	v = print_role(pc, FR_SECURITY, c->security);
	print_field(b, 0, _("Sifat"), v, 1);
	free(v);
	v = print_role(pc, FR_URGENCY, c->urgency);
	print_field(b, 0, _("Urgensi"), v, 1);
	free(v);
	print_field(b, 0, _("Batas waktu"), print_dmy(c->deadline, tmp), 1);
	v = print_code(pc, "kode_klasifikasi");
	print_field(b, 0, _("Kode klasifikasi"), v, 1);
	free(v);
	v = print_val(pc, "indeks");
	print_field(b, 0, _("Indeks"), v, 1);
	free(v);
	print_field(b, 0, _("Penting/Biasa"), print_penting(c->penting), 1);
	print_rule(b, '-');
	print_instructions(b, pc);
	print_rule(b, '-');
	print_dispositions(b, pc);
	print_rule(b, '-');
	buf_adds(b, _("DITERUSKAN KEPADA (diisi dengan tangan)"));
	buf_addc(b, '\n');
	for (int i = 1; i <= 3; i++) {
		buf_addc(b, '\n');
		buf_printf(b, "%d. %s _______________________  %s ____________________  %s ______\n",
			   i, _("Kepada:"), _("Catatan:"), _("Paraf:"));
	}
}

/* Who processes the letter: the unit pengolah field, else the top recipients. Caller frees. */
static char *print_processor(const struct print_case *pc)
{
	const char *u = values_get(&pc->c.fields, "unit_pengolah");
	if (u != NULL && *u)
		return xstrdup(app_position_name(pc->a, u));
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	for (size_t i = 0; i < pc->nd; i++) {
		if (pc->d[i].depth != 0)
			continue;
		if (b.len)
			buf_adds(&b, ", ");
		buf_adds(&b, app_position_name(pc->a, pc->d[i].to_pos));
	}
	return buf_steal(&b);
}

static void print_kartu(struct buf *b, const struct print_case *pc)
{
	static const char *copies[3] = {
		N_("Lembar 1 (putih) - Pencatat"),
		N_("Lembar 2 (hijau) - Arsiparis"),
		N_("Lembar 3 (merah) - menyertai naskah ke Kepala Dinas"),
	};
	const struct case_rec *c = &pc->c;
	char tmp[11];
	char *index = print_val(pc, "indeks");
	char *code = print_code(pc, "kode_klasifikasi");
	char *summary = print_val(pc, "isi_ringkas");
	char *subject = print_role(pc, FR_SUBJECT, c->subject);
	char *attach = print_val(pc, "lampiran");
	char *party = print_role(pc, FR_PARTY, c->party);
	char *date = print_val(pc, "tanggal_surat");
	char *letter_no = print_role(pc, FR_LETTER_NO, c->letter_no);
	char *proc = print_processor(pc);
	char *notes = print_val(pc, "keterangan");
	char *received = print_role(pc, FR_RECEIVED, print_dmy(c->received, tmp));

	for (int i = 0; i < 3; i++) {
		if (i > 0)
			buf_addc(b, '\f');
		print_head(b, pc->a, _("KARTU KENDALI SURAT MASUK"), _(copies[i]));
		print_field(b, 0, _("Indeks"), index, 1);
		print_field(b, 0, _("Kode"), code, 1);
		print_field(b, 0, _("Nomor urut"), c->number_text, 1);
		print_rule(b, '-');
		print_field(b, 0, _("Isi ringkas"), summary ? summary : subject, 0);
		print_field(b, 0, _("Lampiran"), attach, 1);
		print_rule(b, '-');
		print_field(b, 0, _("Dari"), party, 1);
		print_field(b, 0, _("Tanggal"), date, 1);
		print_field(b, 0, _("Nomor"), letter_no, 1);
		print_field(b, 0, _("Tanggal diterima"), received, 1);
		print_rule(b, '-');
		print_field(b, 0, _("Pengolah"), proc, 1);
		print_field(b, 0, _("Paraf"), "______________", 1);
		print_field(b, 0, _("Catatan"), notes ? notes : "______________", 0);
		print_rule(b, '=');
	}
	free(index);
	free(code);
	free(summary);
	free(subject);
	free(attach);
	free(party);
	free(date);
	free(letter_no);
	free(proc);
	free(notes);
	free(received);
}

static void print_pengantar(struct buf *b, const struct print_case *pc)
{
	static const int w[6] = { 2, 13, 12, 14, 13, 7 };
	const struct case_rec *c = &pc->c;
	char today[11];

	print_head(b, pc->a, _("LEMBAR PENGANTAR SURAT BIASA"), NULL);
	date_fmt_dmy(clock_today(), today);
	char *proc = print_processor(pc);
	print_field(b, 0, _("Tanggal"), today, 1);
	print_field(b, 0, _("Kepada"), proc, 1);
	buf_addc(b, '\n');

	const char *head[6] = { _("No"), _("Asal"), _("Nomor/tanggal"), _("Perihal"),
				_("Kepada"), _("Tanda terima") };
	print_row_rule(b, 6, w);
	print_row(b, 6, w, head);
	print_row_rule(b, 6, w);
	char *party = print_role(pc, FR_PARTY, c->party);
	char *ref = print_letter_ref(pc);
	char *subject = print_role(pc, FR_SUBJECT, c->subject);
	const char *row[6] = { "1", party ? party : "", ref, subject ? subject : "",
			       proc, "" };
	print_row(b, 6, w, row);
	print_row_rule(b, 6, w);
	free(party);
	free(ref);
	free(subject);
	free(proc);

	buf_addc(b, '\n');
	char *l = xasprintf("%-40s%s", _("Yang menyerahkan,"), _("Yang menerima,"));
	buf_adds(b, l);
	free(l);
	buf_adds(b, "\n\n\n\n");
	buf_printf(b, "%-40s%s\n", "(____________________)", "(____________________)");
	buf_printf(b, "%s ____________  %s ______\n", _("Tanggal terima:"), _("Jam:"));
}

static void print_one(struct buf *b, const struct print_case *pc, enum sheet which)
{
	switch (which) {
	case SHEET_DISPOSISI:
		print_disposisi(b, pc);
		break;
	case SHEET_KARTU_KENDALI:
		print_kartu(b, pc);
		break;
	case SHEET_PENGANTAR:
		print_pengantar(b, pc);
		break;
	}
}

char *print_sheet(struct app *a, const char *case_id, enum sheet which, char **cause)
{
	struct print_case pc;
	if (print_case_load(a, case_id, &pc, cause) != 0) {
		print_case_free(&pc);
		return NULL;
	}
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	print_one(&b, &pc, which);
	print_case_free(&pc);
	return buf_steal(&b);
}

char *print_letter(struct app *a, const char *case_id, char **cause)
{
	struct print_case pc;
	if (print_case_load(a, case_id, &pc, cause) != 0) {
		print_case_free(&pc);
		return NULL;
	}
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	print_one(&b, &pc, SHEET_DISPOSISI);
	buf_addc(&b, '\f');
	int p = pc.c.penting != NULL && strcmp(pc.c.penting, "P") == 0;
	print_one(&b, &pc, p ? SHEET_KARTU_KENDALI : SHEET_PENGANTAR);
	print_case_free(&pc);
	return buf_steal(&b);
}

int print_output(struct app *a, const char *text, const char *path, char **cause)
{
	size_t len = strlen(text);
	if (path != NULL) {
		FILE *f = fopen(path, "w");
		if (f == NULL) {
			*cause = xasprintf(_("%s: tidak dapat ditulis: %s"), path, strerror(errno));
			return -1;
		}
		int bad = fwrite(text, 1, len, f) != len;
		int e = errno;
		if (fclose(f) != 0 && !bad) {
			bad = 1;
			e = errno;
		}
		if (bad) {
			*cause = xasprintf(_("%s: gagal ditulis: %s"), path, strerror(e));
			return -1;
		}
		return 0;
	}

	const char *cmd = a->cfg.print_command;
	if (cmd == NULL || *cmd == '\0') {
		*cause = xstrdup(_("perintah cetak belum diatur ([cetak] perintah)"));
		return -1;
	}
	/* A command that exits early must not kill us with SIGPIPE. */
	struct sigaction ign, old;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);

	fflush(NULL);
	FILE *p = popen(cmd, "w");
	if (p == NULL) {
		int e = errno;
		sigaction(SIGPIPE, &old, NULL);
		*cause = xasprintf(_("perintah cetak '%s' tidak dapat dijalankan: %s"), cmd,
				   strerror(e));
		return -1;
	}
	int bad = fwrite(text, 1, len, p) != len;
	int st = pclose(p);
	sigaction(SIGPIPE, &old, NULL);
	if (st == -1) {
		*cause = xasprintf(_("perintah cetak '%s' gagal: %s"), cmd, strerror(errno));
		return -1;
	}
	if (WIFEXITED(st) && WEXITSTATUS(st) != 0) {
		*cause = xasprintf(_("perintah cetak '%s' gagal (status %d)"), cmd,
				   WEXITSTATUS(st));
		return -1;
	}
	if (WIFSIGNALED(st)) {
		*cause = xasprintf(_("perintah cetak '%s' dihentikan oleh sinyal %d"), cmd,
				   WTERMSIG(st));
		return -1;
	}
	if (bad) {
		*cause = xasprintf(_("perintah cetak '%s' tidak menerima seluruh teks"), cmd);
		return -1;
	}
	return 0;
}
