/* demo_layanan.c: deterministic, realistic cooperative service cases (NIK certificates, RAT books, ODS users, legality, founding, savings-and-loan and cash-office permits) taken through the workflow with the program clock moved to each action, for demos. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo.h"
#include "koperasi.h"
#include "util.h"

#define LD_MAX_KOP 5000          /* cooperatives considered: the first by name */
#define LD_OPEN    (7 * 60 + 30) /* office hours, minutes after midnight */
#define LD_CLOSE   (16 * 60)
#define LD_GUARD   80            /* most actions on one case */

/* ---- random numbers (splitmix64, as demo.c) ---------------------------------- */

static uint64_t ld_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static int ld_int(uint64_t *s, int n)
{
	return n <= 1 ? 0 : (int)(ld_next(s) % (uint64_t)n);
}

/* 1 with probability permille / 1000. */
static int ld_chance(uint64_t *s, int permille)
{
	return ld_int(s, 1000) < permille;
}

#define LD_N(arr) ((int)(sizeof(arr) / sizeof((arr)[0])))
#define LD_PICK(s, arr) ((arr)[ld_int((s), LD_N(arr))])

/* ---- the service kinds ---------------------------------------------------------- */

enum ld_kind { LK_NIK, LK_RAT, LK_ODS, LK_LEGAL, LK_PENDIRIAN, LK_USP, LK_KAS, LK_NKINDS };

/* Each kind: forms/ key, weight among the cases, how often an incoming letter
 * brings it (permille), the letter's classification code and index word, the
 * head of unit the Kepala Dinas disposes that letter to, and the note on the
 * disposition. */
static const struct {
	const char *key;
	int         weight;
	int         letter_pm;
	const char *code, *index, *handler, *note;
} ld_kinds[LK_NKINDS] = {
	{ "sertifikat_nik", 24, 450, "500.3.2.1", "Sertifikat NIK", "kabid_pemberdayaan",
	  "Proses penerbitan sertifikat NIK sesuai SOP 37" },
	{ "penerimaan_rat", 20, 350, "500.3.2.4", "Buku RAT", "kabid_kelembagaan",
	  "Periksa buku RAT dan lakukan penilaian kesehatan KSP/USP" },
	{ "registrasi_ods", 13, 150, "500.3.11", "User ODS", "kabid_kelembagaan",
	  "Bantu verifikasi dan ajukan User ID ODS" },
	{ "legalitas_koperasi", 12, 250, "500.3.2.2", "Legalitas Koperasi", "kabid_kelembagaan",
	  "Layani melalui klinik legalitas; siapkan draf rekomendasi" },
	{ "pendirian_koperasi", 11, 500, "500.3.2.1", "Pendirian Koperasi", "kabid_kelembagaan",
	  "Periksa berkas dan siapkan konsep rekomendasi" },
	{ "izin_usp", 10, 300, "500.3.4.2", "Izin USP", "kabid_kelembagaan",
	  "Verifikasi dokumen dan proses melalui OSS" },
	{ "kantor_kas", 10, 400, "500.3.4.2", "Kantor Kas", "kabid_kelembagaan",
	  "Lakukan verifikasi teknis kantor kas" },
};

/* "Tidak disetujui": the reasons a verification step gives, and the
 * requirement that is then missing again (NULL: the earlier step is redone). */
static const struct {
	int         kind, from;
	const char *text, *req;
} ld_reasons[] = {
	{ LK_NIK, 4, "Formulir profil belum ditandatangani Ketua dan belum dicap koperasi",
	  "formulir_profil" },
	{ LK_NIK, 4, "Jumlah anggota pada formulir profil tidak sesuai dengan laporan RAT terakhir",
	  "formulir_profil" },
	{ LK_NIK, 4, "Surat permohonan belum ditandatangani pengurus yang berwenang",
	  "surat_permohonan" },
	{ LK_RAT, 2, "Buku RAT belum memuat laporan pertanggungjawaban pengawas", "buku_rat" },
	{ LK_RAT, 2, "Buku RAT yang diserahkan masih konsep, belum disahkan rapat anggota",
	  "buku_rat" },
	{ LK_RAT, 5, "Kertas kerja penilaian aspek permodalan belum lengkap; mohon diperbaiki",
	  NULL },
	{ LK_RAT, 6, "Skor aspek likuiditas perlu dihitung ulang sesuai Juknis 15 Tahun 2021",
	  NULL },
	{ LK_RAT, 7, "Predikat pada konsep sertifikat kesehatan belum sesuai hasil penilaian",
	  NULL },
	{ LK_ODS, 3, "Pindaian KTP pemohon tidak terbaca; mohon dikirim ulang", "ktp" },
	{ LK_ODS, 3, "NPWP yang dilampirkan atas nama pribadi pengurus, bukan atas nama koperasi",
	  "npwp" },
	{ LK_ODS, 3, "Akta yang dilampirkan bukan akta perubahan anggaran dasar terakhir",
	  "akta_koperasi" },
	{ LK_LEGAL, 2, "Dokumen pendaftaran belum dilengkapi berita acara rapat anggota",
	  "dokumen_pendaftaran" },
	{ LK_LEGAL, 3, "Draf anggaran dasar belum memuat ketentuan sesuai Permenkop 8 Tahun 2021",
	  NULL },
	{ LK_PENDIRIAN, 2, "Daftar hadir rapat pembentukan belum dilampirkan", "berkas_permohonan" },
	{ LK_PENDIRIAN, 3, "Konsep surat rekomendasi salah menyebut nama notaris", NULL },
	{ LK_PENDIRIAN, 4, "Redaksi konsep surat rekomendasi perlu disesuaikan dengan tata naskah dinas",
	  NULL },
	{ LK_PENDIRIAN, 5, "Nomor dan tanggal akta pendirian belum dicantumkan dalam konsep rekomendasi",
	  NULL },
	{ LK_USP, 2, "Rencana kerja usaha simpan pinjam tiga tahun belum dilampirkan",
	  "dokumen_pendaftaran" },
	{ LK_USP, 3, "Modal tetap unit simpan pinjam belum dipisahkan dalam neraca", NULL },
	{ LK_KAS, 2, "Daftar calon anggota kantor kas baru 14 orang; paling sedikit 20 orang",
	  "anggota_kantor_kas_20" },
	{ LK_KAS, 2, "Salinan izin OSS yang diunggah tidak terbaca", "salinan_izin_oss" },
};

/* Notes on ticked requirements (mostly none). */
static const char *const ld_tick_notes[] = {
	"asli diperlihatkan, fotokopi diarsipkan", "dikirim melalui surel", "fotokopi dilegalisir",
	"diserahkan langsung oleh pemohon", "menyusul, diantar pengurus",
};

/* Places for cooperatives still to be founded: kab/kota code, town, villages. */
static const struct {
	const char *code, *town, *desa[4];
} ld_place[] = {
	{ "53.01", "Kupang", { "Oesao", "Noelbaki", "Baumata", "Tarus" } },
	{ "53.02", "Soe", { "Oinlasi", "Kapan", "Nule", "Boti" } },
	{ "53.03", "Kefamenanu", { "Maubesi", "Noemuti", "Oelolok", "Manufui" } },
	{ "53.04", "Atambua", { "Haliwen", "Silawan", "Fatuketi", "Weluli" } },
	{ "53.06", "Larantuka", { "Waiwerang", "Lewotobi", "Boru", "Konga" } },
	{ "53.07", "Maumere", { "Nita", "Wolomarang", "Hewokloang", "Koting" } },
	{ "53.08", "Ende", { "Detusoko", "Wolowaru", "Nangapanda", "Ndona" } },
	{ "53.10", "Ruteng", { "Cancar", "Pagal", "Iteng", "Todo" } },
	{ "53.11", "Waingapu", { "Kambera", "Lewa", "Mauliru", "Prailiu" } },
	{ "53.15", "Labuan Bajo", { "Lembor", "Werang", "Golo Mori", "Macang Tanggar" } },
	{ "53.71", "Kupang", { "Oesapa", "Liliba", "Naikoten", "Fatululi" } },
};

static const char *const ld_new_prefix[] = {
	"Koperasi Desa Merah Putih", "Koperasi Desa Merah Putih", "KSP Kopdit", "Koperasi Produsen",
	"Koperasi Konsumen", "Koperasi Pemasaran", "Koperasi Nelayan", "Koperasi Wanita",
};
static const char *const ld_new_word[] = {
	"Sehati", "Harapan Baru", "Tunas Harapan", "Sinar Kasih", "Maju Bersama", "Lestari",
	"Tekad Mandiri", "Bina Sejahtera", "Cahaya Pagi", "Sumber Berkat", "Mekar Sari", "Nekaf",
};
static const char *const ld_first[] = {
	"Yohanes", "Maria", "Fransiskus", "Agustinus", "Yosef", "Petrus", "Theresia", "Katarina",
	"Marselina", "Benediktus", "Kornelis", "Daniel", "Yakobus", "Veronika", "Hendrik", "Ruth",
	"Simon", "Wilhelmus", "Florentina", "Abdul", "Siti",
};
static const char *const ld_last[] = {
	"Da Costa", "Fernandez", "Parera", "Lewar", "Wuwur", "Making", "Nggadas", "Bili", "Manafe",
	"Nenobais", "Tefa", "Kase", "Taneo", "Foeh", "Riwu", "Radja", "Lado", "Wangge", "Djogo",
	"Mbete", "Amalo", "Bessie",
};
static const char *const ld_street[] = {
	"Jl. El Tari", "Jl. Soekarno", "Jl. Ahmad Yani", "Jl. Trans Flores", "Jl. Timor Raya",
	"Jl. Frans Seda", "Jl. Pasar Baru", "Jl. Merdeka",
};
static const char *const ld_roman[12] = {
	"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
};

/* ---- the plan ------------------------------------------------------------------------ */

enum { PACE_BRISK, PACE_NORMAL, PACE_SLOW, PACE_STUCK /* sits on a desk for weeks */ };
enum { WAIT_PROMPT, WAIT_SLOW, WAIT_GONE };

/* One planned case. */
struct ld_case {
	int           kind;       /* enum ld_kind */
	day_t         day;        /* received */
	day_t         reg_day;    /* registered (the letter's day, or the next) */
	int           reg_min;
	int           kop;        /* index in ld.kop, -1 for none */
	int           letter;     /* index in ld.letters, -1 for none */
	int           forward;    /* sertifikat_nik: forwarded (serving office) */
	int           pace, wait; /* how fast the office and the applicant are */
	int           partial;    /* brings only one document at the counter */
	int           serve;      /* sertifikat_nik: served here if at all possible */
	struct values v;          /* the fields as a clerk types them */
	char         *texts[5];   /* the letter's sender, number, subject, summary (owned) */
};

/* The position holders the demo acts as. */
struct ld_who {
	char *pos;
	char *login; /* NULL when nobody holds it */
};

struct ld {
	struct app         *a;
	uint64_t            rng;
	const struct kind  *k[LK_NKINDS]; /* NULL when the kind is not in forms/ */
	struct koperasi    *kop;
	int                *kop_used;    /* bit per kind */
	enum kop_office    *kop_office;
	int                 nkop;
	const struct kop_ref *ref;
	struct ld_case     *c;
	long                n;
	struct demo_letter *letters;
	size_t              nletters;
	struct ld_who      *who;
	size_t              nwho;
	const char         *clerk;       /* registers cases; acts when a position is empty */
	char               *clerk_own;   /* clerk when it is not a position's holder */
	const char         *instruction; /* on dispositions */
	day_t               today;
	int                 now_min;
	int                 returned;    /* cases sent back so far */
	int                 nik_served, nik_forwarded;
};

/* Holder of a position (cached), or the clerk when nobody holds it. */
static const char *ld_holder(struct ld *L, const char *pos)
{
	if (pos == NULL)
		return L->clerk;
	for (size_t i = 0; i < L->nwho; i++)
		if (strcmp(L->who[i].pos, pos) == 0)
			return L->who[i].login ? L->who[i].login : L->clerk;
	struct person p;
	memset(&p, 0, sizeof p);
	char *login = NULL;
	if (store_person_for_position(L->a->st, pos, &p) == 1)
		login = xstrdup(p.login);
	person_clear(&p);
	L->who = xreallocarray(L->who, L->nwho + 1, sizeof *L->who);
	L->who[L->nwho].pos = xstrdup(pos);
	L->who[L->nwho].login = login;
	L->nwho++;
	return login ? login : L->clerk;
}

/* 1 if pos is held by someone (not only by the clerk standing in). */
static int ld_held(struct ld *L, const char *pos)
{
	if (pos == NULL)
		return 0;
	ld_holder(L, pos); /* looks it up once */
	for (size_t i = 0; i < L->nwho; i++)
		if (strcmp(L->who[i].pos, pos) == 0)
			return L->who[i].login != NULL;
	return 0;
}

static int ld_collect(const struct koperasi *k, void *ctx)
{
	struct ld *L = ctx;
	koperasi_copy(&L->kop[L->nkop++], k);
	return L->nkop >= LD_MAX_KOP;
}

/* The year a cooperative was founded (badan hukum), 0 when unknown. */
static int ld_founded(const struct koperasi *k)
{
	return k->tanggal_badan_hukum != NULL ? atoi(k->tanggal_badan_hukum) : 0;
}

/* 1 if the RAT history of k names year y. */
static int ld_has_rat(const struct koperasi *k, int y)
{
	char ys[16];
	snprintf(ys, sizeof ys, "%d", y);
	return k->tahun_rat != NULL && strstr(k->tahun_rat, ys) != NULL;
}

/* Name number at (from 0) of a "a; b; c" list, or a made-up person. */
static char *ld_name_at(struct ld *L, const char *list, int at)
{
	for (int i = 0; list != NULL && *list; i++) {
		size_t len = strcspn(list, ";");
		if (i == at) {
			char *s = xstrndup(list, len);
			str_trim(s);
			if (*s)
				return s;
			free(s);
			break;
		}
		list += len;
		list += *list == ';';
	}
	return xasprintf("%s %s", LD_PICK(&L->rng, ld_first), LD_PICK(&L->rng, ld_last));
}

/* Initials of the words of a name, upper case, at most 6: "KKSM". */
static void ld_initials(const char *name, char out[8])
{
	int n = 0, start = 1;
	for (const char *p = name; *p && n < 6; p++) {
		if (*p == ' ') {
			start = 1;
		} else if (start) {
			char ch = *p;
			if (ch >= 'a' && ch <= 'z')
				ch = (char)(ch - 'a' + 'A');
			if ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))
				out[n++] = ch;
			start = 0;
		}
	}
	out[n] = '\0';
}

/* An outgoing letter number of the office, CODE/NNN/DKUKM/MONTH/YEAR, NNN
 * growing over the year as the office's outgoing letters do. */
static char *ld_outgoing(struct ld *L, const char *code, day_t day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	long n = 1 + (day - date_from_ymd(y, 1, 1)) * 3 / 2 + ld_int(&L->rng, 2);
	return xasprintf("%s/%03ld/DKUKM/%s/%d", code, n, ld_roman[m - 1], y);
}

static void ld_dmy(day_t day, char out[11])
{
	date_fmt_dmy(day, out);
}

/* Sets a field the kind has (a form without it is left alone). */
static void ld_set(const struct kind *k, struct values *v, const char *key, const char *val)
{
	if (kind_field(k, key) != NULL && val != NULL && *val != '\0')
		values_set(v, key, val);
}

/* Cooperative predicates for the kinds. */
typedef int (*ld_fit)(struct ld *L, int i, int arg);

static int ld_active(const struct koperasi *k)
{
	return k->status == NULL || strcmp(k->status, "aktif") == 0;
}

static int fit_nik_served(struct ld *L, int i, int strict)
{
	const struct koperasi *k = &L->kop[i];
	if (k->nik == NULL || L->kop_office[i] != KOP_OFFICE_PROVINSI || !ld_active(k))
		return 0;
	return !strict || k->no_sertifikat == NULL ||
	       (k->status_nik != NULL && strcmp(k->status_nik, "Sertifikat - Expired") == 0);
}

/* A cooperative served by the kab/kota Dinas (kabkota_only), or also the Ministry. */
static int fit_nik_forward(struct ld *L, int i, int kabkota_only)
{
	const struct koperasi *k = &L->kop[i];
	return k->nik != NULL && ld_active(k) && (L->kop_office[i] == KOP_OFFICE_KABKOTA ||
						  (!kabkota_only &&
						   L->kop_office[i] == KOP_OFFICE_KEMENTERIAN));
}

/* A RAT held in year arg: founded before, none recorded that year yet. */
static int fit_rat(struct ld *L, int i, int year)
{
	const struct koperasi *k = &L->kop[i];
	int f = ld_founded(k);
	return f > 0 && f < year && !ld_has_rat(k, year);
}

/* fit_rat, and the RAT changes the cooperative's grade. */
static int fit_rat_grade(struct ld *L, int i, int year)
{
	if (!fit_rat(L, i, year) || L->ref == NULL)
		return 0;
	struct koperasi t;
	koperasi_copy(&t, &L->kop[i]);
	char date[16];
	snprintf(date, sizeof date, "%d-01-02", year); /* only the year counts */
	struct errs e;
	errs_init(&e);
	int changed = koperasi_record_rat(L->ref, &t, date, &e) == 0 &&
		      (L->kop[i].grade == NULL || t.grade == NULL ||
		       strcmp(L->kop[i].grade, t.grade) != 0);
	errs_free(&e);
	koperasi_clear(&t);
	return changed;
}

static int fit_nik_active(struct ld *L, int i, int arg)
{
	return L->kop[i].nik != NULL && ld_active(&L->kop[i]);
}

static int fit_any_active(struct ld *L, int i, int arg)
{
	return ld_active(&L->kop[i]);
}

/* Savings and loan: a KSP, or a KSU/KUD with a savings and loan unit. */
static int fit_usp(struct ld *L, int i, int arg)
{
	const struct koperasi *k = &L->kop[i];
	if (!ld_active(k))
		return 0;
	if (k->jenis != NULL && strcmp(k->jenis, "Simpan Pinjam") == 0)
		return 1;
	return k->kelompok != NULL && (strcmp(k->kelompok, "Koperasi Serba Usaha") == 0 ||
				       strcmp(k->kelompok, "Koperasi Unit Desa") == 0);
}

/* A savings and loan cooperative with at least arg members. */
static int fit_kas(struct ld *L, int i, int members)
{
	const struct koperasi *k = &L->kop[i];
	if (!ld_active(k) || k->kelompok == NULL ||
	    strcmp(k->kelompok, "Koperasi Simpan Pinjam") != 0)
		return 0;
	long m = (k->anggota_pria ? atol(k->anggota_pria) : 0) +
		 (k->anggota_wanita ? atol(k->anggota_wanita) : 0);
	return m >= members;
}

/* A cooperative for kind that fits and has no case of the kind yet (reuse:
 * or has one, when no other fits), preferably one with a NIK: random tries,
 * then a scan from a random place; -1 when none fits. */
static int ld_pick(struct ld *L, int kind, ld_fit fit, int arg, int reuse)
{
	if (L->nkop == 0)
		return -1;
	for (int t = 0; t < 40; t++) {
		int i = ld_int(&L->rng, L->nkop);
		if (!(L->kop_used[i] & (1 << kind)) && L->kop[i].nik != NULL && fit(L, i, arg))
			return i;
	}
	int start = ld_int(&L->rng, L->nkop);
	for (int pass = 0; pass < (reuse ? 3 : 2); pass++)
		for (int j = 0; j < L->nkop; j++) {
			int i = (start + j) % L->nkop;
			if ((pass == 2 || !(L->kop_used[i] & (1 << kind))) &&
			    (pass > 0 || L->kop[i].nik != NULL) && fit(L, i, arg))
				return i;
		}
	return -1;
}

/* ---- the fields of each kind ------------------------------------------------------------ */

/* A cooperative still to be founded: name, place. */
static void ld_new_kop(struct ld *L, char **name, int *place)
{
	*place = ld_int(&L->rng, LD_N(ld_place));
	const char *pre = LD_PICK(&L->rng, ld_new_prefix);
	if (strcmp(pre, "Koperasi Desa Merah Putih") == 0)
		*name = xasprintf("%s %s", pre, ld_place[*place].desa[ld_int(&L->rng, 4)]);
	else
		*name = xasprintf("%s %s %s", pre, LD_PICK(&L->rng, ld_new_word),
				  ld_place[*place].town);
}

/* The letter that brings case c: who, number, subject, summary (c->texts). */
static void ld_letter_texts(struct ld *L, struct ld_case *c, const char *who, const char *subject,
			    const char *summary, int founding)
{
	int y, m, d;
	date_to_ymd(c->day, &y, &m, &d);
	char ini[8];
	ld_initials(who, ini);
	c->texts[0] = founding ? xasprintf("Panitia Pendirian %s", who) : xstrdup(who);
	c->texts[1] = founding ? xasprintf("%02d/PAN-%s/%s/%d", 1 + ld_int(&L->rng, 9), ini,
					   ld_roman[m - 1], y)
			       : xasprintf("%03d/KOP-%s/%s/%d", 1 + ld_int(&L->rng, 40 + m * 12), ini,
					   ld_roman[m - 1], y);
	c->texts[2] = xstrdup(subject);
	c->texts[3] = summary ? xstrdup(summary) : NULL;
}

/* Chooses the cooperative and fills the fields of case c (kind, day set);
 * 0, or -1 when the registry has no cooperative the kind can use. */
static int ld_fill(struct ld *L, struct ld_case *c)
{
	const struct kind *k = L->k[c->kind];
	uint64_t *rng = &L->rng;
	char dmy[11], *s;
	int y, m, d;
	date_to_ymd(c->day, &y, &m, &d);
	int kop = -1;
	day_t rat = 0; /* penerimaan_rat: the day the RAT was held, some weeks before */
	int ry = 0;

	switch (c->kind) {
	case LK_NIK:
		/* the first request is served here, the second forwarded; then mostly served */
		/* (the provincial ones run out soon: then the others, forwarded) */
		c->forward = !c->serve && L->nik_served > 0 &&
			     (L->nik_forwarded == 0 || ld_chance(rng, 300));
		if (!c->forward && (kop = ld_pick(L, c->kind, fit_nik_served, 1, 0)) < 0)
			kop = ld_pick(L, c->kind, fit_nik_served, 0, c->serve);
		if (kop < 0)
			c->forward = 1;
		if (c->forward && (kop = ld_pick(L, c->kind, fit_nik_forward,
						 L->nik_forwarded == 0, 1)) < 0 &&
		    (kop = ld_pick(L, c->kind, fit_nik_forward, 0, 1)) < 0) {
			c->forward = 0;
			kop = ld_pick(L, c->kind, fit_nik_served, 0, 1);
		}
		break;
	case LK_RAT: {
		int rm, rd;
		rat = calendar_add_workdays(L->a->cal, c->day, -(5 + ld_int(rng, 40)));
		date_to_ymd(rat, &ry, &rm, &rd);
		/* preferably one whose grade the RAT changes; none at all: another kind */
		if ((kop = ld_pick(L, c->kind, fit_rat_grade, ry, 0)) < 0 &&
		    (kop = ld_pick(L, c->kind, fit_rat, ry, 0)) < 0)
			return -1;
		break;
	}
	case LK_ODS:
		kop = ld_pick(L, c->kind, fit_nik_active, 0, 1);
		break;
	case LK_USP:
		kop = ld_pick(L, c->kind, fit_usp, 0, 1);
		break;
	case LK_KAS:
		if ((kop = ld_pick(L, c->kind, fit_kas, 300, 0)) < 0)
			kop = ld_pick(L, c->kind, fit_kas, 0, 1);
		break;
	case LK_LEGAL:
		if (!ld_chance(rng, 200))
			kop = ld_pick(L, c->kind, fit_any_active, 0, 1);
		break;
	default:
		break;
	}
	int needs = kind_field_by_role(k, FR_KOPERASI) != NULL &&
		    kind_field_by_role(k, FR_KOPERASI)->required;
	if (kop < 0 && needs && (c->kind == LK_NIK || c->kind == LK_ODS))
		kop = ld_pick(L, c->kind, fit_nik_active, 0, 1);
	if (kop < 0 && needs)
		kop = ld_pick(L, c->kind, fit_any_active, 0, 1);
	if (kop < 0 && needs)
		return -1;
	/* a stand-in cooperative of another office is forwarded there */
	if (c->kind == LK_NIK && kop >= 0)
		c->forward = L->kop_office[kop] != KOP_OFFICE_PROVINSI;
	c->kop = kop;
	const struct koperasi *K = kop >= 0 ? &L->kop[kop] : NULL;
	if (K != NULL)
		L->kop_used[kop] |= 1 << c->kind;
	if (c->kind == LK_NIK && c->forward)
		L->nik_forwarded++;
	else if (c->kind == LK_NIK)
		L->nik_served++;

	ld_dmy(c->day, dmy);
	ld_set(k, &c->v, "tanggal_permohonan", dmy);
	if (K != NULL) {
		ld_set(k, &c->v, "koperasi", K->nik ? K->nik : K->id);
		ld_set(k, &c->v, "telepon", K->telepon);
		ld_set(k, &c->v, "email", K->email);
	}
	int letter = ld_chance(rng, ld_kinds[c->kind].letter_pm);
	char *pemohon = K != NULL ? ld_name_at(L, K->pengurus, 0) : NULL;
	char *name = NULL;
	int place = 0;

	switch (c->kind) {
	case LK_NIK:
		s = xasprintf("Permohonan pencetakan Sertifikat NIK %s", K->nama);
		ld_set(k, &c->v, "perihal", s);
		free(s);
		if (c->forward) {
			const char *to = L->kop_office[kop] == KOP_OFFICE_KEMENTERIAN ? "nasional"
										 : "kabkota";
			ld_set(k, &c->v, "diteruskan_ke", to);
			s = ld_outgoing(L, "500.3.2.1", c->day);
			ld_set(k, &c->v, "surat_penerusan", s);
			free(s);
			ld_set(k, &c->v, "keterangan", strcmp(to, "nasional") == 0
			       ? "Wilayah keanggotaan lintas provinsi; berkas diteruskan ke Kementerian"
			       : "Koperasi primer kabupaten/kota; berkas asli diteruskan bersama surat pengantar");
		}
		if (letter)
			ld_letter_texts(L, c, K->nama, "Permohonan Penerbitan Sertifikat Nomor Induk Koperasi",
					"Mohon verifikasi data dan penerbitan sertifikat NIK; formulir profil terlampir.",
					0);
		break;
	case LK_RAT: {
		char num[16];
		snprintf(num, sizeof num, "%d", ry - 1);
		ld_set(k, &c->v, "tahun_buku", num);
		ld_dmy(rat, dmy);
		ld_set(k, &c->v, "tanggal_rat", dmy);
		const char *usp = NULL;
		if (K->jenis != NULL && strcmp(K->jenis, "Simpan Pinjam") == 0)
			usp = "KSP";
		else if (fit_usp(L, kop, 0) && ld_chance(rng, 500))
			usp = "USP";
		ld_set(k, &c->v, "usaha_simpan_pinjam", usp);
		s = usp ? xasprintf("Pemeriksaan kesehatan dan penyampaian Buku RAT Tahun Buku %d %s",
				    ry - 1, K->nama)
			: xasprintf("Penyampaian Buku RAT Tahun Buku %d %s", ry - 1, K->nama);
		ld_set(k, &c->v, "perihal", s);
		free(s);
		if (!usp)
			ld_set(k, &c->v, "keterangan",
			       "Koperasi tanpa usaha simpan pinjam: buku RAT diterima dan dicatat");
		if (letter) {
			s = xasprintf("Penyampaian Buku RAT Tahun Buku %d dan Permohonan Pemeriksaan"
				      " Kesehatan Koperasi", ry - 1);
			ld_letter_texts(L, c, K->nama, s,
					"Menyampaikan buku laporan RAT beserta neraca dan perhitungan hasil usaha.",
					0);
			free(s);
		}
		break;
	}
	case LK_ODS: {
		static const char *const jab[] = { "Ketua", "Ketua", "Ketua", "Ketua", "Ketua",
						   "Pengurus lain", "Pengurus lain", "Pengawas" };
		const char *j = LD_PICK(rng, jab);
		ld_set(k, &c->v, "jabatan_pemohon", j);
		free(pemohon);
		pemohon = strcmp(j, "Pengawas") == 0 ? ld_name_at(L, K->pengawas, 0)
			: ld_name_at(L, K->pengurus, strcmp(j, "Ketua") == 0 ? 0 : 1 + ld_int(rng, 2));
		s = xasprintf("Permohonan User ID ODS %s", K->nama);
		ld_set(k, &c->v, "perihal", s);
		free(s);
		if (letter)
			ld_letter_texts(L, c, K->nama,
					"Permohonan Pembuatan User ID Online Data System (ODS)", NULL, 0);
		break;
	}
	case LK_LEGAL: {
		const char *lay;
		if (K == NULL) {
			ld_new_kop(L, &name, &place);
			lay = "Pendirian";
			s = xasprintf("Rekomendasi pendirian %s", name);
			free(pemohon);
			pemohon = xasprintf("%s %s", LD_PICK(rng, ld_first), LD_PICK(rng, ld_last));
		} else {
			name = xstrdup(K->nama);
			lay = ld_chance(rng, 650) ? (ld_chance(rng, 200) ? "PAD;NIK" : "PAD") : "NIK";
			s = strncmp(lay, "PAD", 3) == 0
				? xasprintf("Rekomendasi perubahan anggaran dasar %s", name)
				: xasprintf("Rekomendasi penerbitan Sertifikat NIK %s", name);
		}
		ld_set(k, &c->v, "layanan", lay);
		ld_set(k, &c->v, "nama_koperasi", name);
		ld_set(k, &c->v, "perihal", s);
		if (letter)
			ld_letter_texts(L, c, name, "Permohonan Layanan Legalitas Koperasi", s, K == NULL);
		free(s);
		break;
	}
	case LK_PENDIRIAN: {
		ld_new_kop(L, &name, &place);
		ld_set(k, &c->v, "nama_koperasi", name);
		ld_set(k, &c->v, "kabkota", ld_place[place].code);
		free(pemohon);
		pemohon = xasprintf("%s %s", LD_PICK(rng, ld_first), LD_PICK(rng, ld_last));
		s = xasprintf("%s %s, S.H., M.Kn.", LD_PICK(rng, ld_first), LD_PICK(rng, ld_last));
		ld_set(k, &c->v, "notaris", s);
		free(s);
		char tel[24];
		snprintf(tel, sizeof tel, "08%d%d %04d %04d", 1 + ld_int(rng, 3), ld_int(rng, 10),
			 ld_int(rng, 10000), ld_int(rng, 10000));
		ld_set(k, &c->v, "telepon", tel);
		s = xasprintf("Rekomendasi pengesahan akta pendirian %s", name);
		ld_set(k, &c->v, "perihal", s);
		free(s);
		if (letter) {
			s = xasprintf("Permohonan Rekomendasi Pengesahan Akta Pendirian %s", name);
			ld_letter_texts(L, c, name, s,
					"Mohon rekomendasi Dinas sebagai kelengkapan pengesahan akta pendirian koperasi.",
					1);
			free(s);
		}
		break;
	}
	case LK_USP: {
		char nib[16];
		snprintf(nib, sizeof nib, "912%05d%05d", ld_int(rng, 100000), ld_int(rng, 100000));
		ld_set(k, &c->v, "nib", nib);
		s = xasprintf("Permohonan izin usaha simpan pinjam %s", K->nama);
		ld_set(k, &c->v, "perihal", s);
		free(s);
		if (letter)
			ld_letter_texts(L, c, K->nama, "Permohonan Izin Usaha Simpan Pinjam",
					"Mohon penerbitan izin usaha simpan pinjam melalui OSS; dokumen terlampir.",
					0);
		break;
	}
	case LK_KAS: {
		const char *kec = K->kecamatan ? K->kecamatan : "Kota";
		const char *desa = ld_place[ld_int(rng, LD_N(ld_place))].desa[ld_int(rng, 4)];
		s = xasprintf("Kantor Cabang %s %s", kec, K->nama);
		ld_set(k, &c->v, "kantor_cabang", s);
		free(s);
		s = xasprintf("503/%03d/IZ-KSP/DPMPTSP/%d", 1 + ld_int(rng, 300), y - 1 - ld_int(rng, 3));
		ld_set(k, &c->v, "nomor_izin_cabang", s);
		free(s);
		ld_dmy(c->day - 200 - ld_int(rng, 700), dmy);
		ld_set(k, &c->v, "cabang_beroperasi_sejak", dmy);
		s = xasprintf("%s No. %d, Desa %s", LD_PICK(rng, ld_street), 1 + ld_int(rng, 120), desa);
		ld_set(k, &c->v, "alamat_kantor_kas", s);
		free(s);
		char num[24];
		snprintf(num, sizeof num, "%d", 20 + ld_int(rng, 140));
		ld_set(k, &c->v, "anggota_kantor_kas", num);
		s = xasprintf("%s %s", LD_PICK(rng, ld_first), LD_PICK(rng, ld_last));
		ld_set(k, &c->v, "calon_kepala", s);
		free(s);
		snprintf(num, sizeof num, "%05d%05d%03d", ld_int(rng, 100000), ld_int(rng, 100000),
			 ld_int(rng, 1000));
		ld_set(k, &c->v, "nomor_izin_oss", num);
		s = xasprintf("Permohonan izin pembukaan kantor kas %s di Desa %s", K->nama, desa);
		ld_set(k, &c->v, "perihal", s);
		if (letter)
			ld_letter_texts(L, c, K->nama, s, NULL, 0);
		free(s);
		break;
	}
	}
	ld_set(k, &c->v, "pemohon", pemohon);
	free(pemohon);
	free(name);
	return 0;
}

/* ---- time ---------------------------------------------------------------------------------- */

struct ld_time {
	day_t day;
	int   min;
};

/* The time wd working days after t (0: later the same day, or the next
 * working morning after closing time). */
static struct ld_time ld_later(struct ld *L, struct ld_time t, int wd)
{
	if (wd <= 0) {
		t.min += 10 + ld_int(&L->rng, 80);
		if (t.min <= LD_CLOSE - 15)
			return t;
		wd = 1;
	}
	t.day = calendar_add_workdays(L->a->cal, t.day, wd);
	t.min = LD_OPEN + 30 + ld_int(&L->rng, 390);
	return t;
}

/* 1 if t is not later than now. */
static int ld_past(const struct ld *L, struct ld_time t)
{
	return t.day < L->today || (t.day == L->today && t.min <= L->now_min);
}

/* Working days the office takes for a step. */
static int ld_office_days(struct ld *L, int pace, const struct kstep *ks)
{
	uint64_t *rng = &L->rng;
	if (ks != NULL && ks->unit == TU_WORKDAY && ks->std_value > 0) {
		int base = ks->std_value;
		if (pace == PACE_STUCK)
			return base + 25 + ld_int(rng, 20);
		return pace == PACE_SLOW ? base + 2 + ld_int(rng, 6)
					 : base - 1 + ld_int(rng, pace == PACE_BRISK ? 2 : 4);
	}
	int r = ld_int(rng, 100);
	switch (pace) {
	case PACE_BRISK:
		return r < 55 ? 0 : r < 90 ? 1 : 2;
	case PACE_SLOW:
		return r < 15 ? 1 : r < 40 ? 2 : r < 60 ? 3 : r < 80 ? 5 : 7 + ld_int(rng, 8);
	case PACE_STUCK:
		return 25 + ld_int(rng, 20);
	default:
		return r < 30 ? 0 : r < 60 ? 1 : r < 80 ? 2 : r < 92 ? 3 : 4 + ld_int(rng, 3);
	}
}

/* Working days until the applicant comes back, -1 for never. */
static int ld_applicant_days(struct ld *L, int wait)
{
	switch (wait) {
	case WAIT_PROMPT:
		return 1 + ld_int(&L->rng, 4);
	case WAIT_SLOW:
		return 5 + ld_int(&L->rng, 25);
	default:
		return -1;
	}
}

/* ---- one case through the workflow ------------------------------------------------------ */

struct ld_run {
	struct ld         *L;
	struct ld_case    *c;
	const struct kind *k;
	struct ld_time     t;         /* time of the last action */
	char               id[37];
	char              *number;
	int                returns;   /* times sent back */
	int                ticked;    /* the last action completed the requirements */
	char             **cause;
};

/* Moves the case's time on by wd working days (see ld_later) and the program
 * clock with it; 0 when that time has not come yet (the case stops there). */
static int ld_act(struct ld_run *R, int wd)
{
	if (wd < 0)
		return 0;
	struct ld_time t = ld_later(R->L, R->t, wd);
	if (!ld_past(R->L, t))
		return 0;
	R->t = t;
	demo_clock_at(t.day, t.min);
	return 1;
}

/* Updates the case with its fields plus key=val pairs (NULL-terminated). */
static int ld_update(struct ld_run *R, ...)
{
	struct ld *L = R->L;
	va_list ap;
	va_start(ap, R);
	const char *key;
	while ((key = va_arg(ap, const char *)) != NULL) {
		const char *val = va_arg(ap, const char *);
		ld_set(R->k, &R->c->v, key, val);
	}
	va_end(ap);
	struct values v;
	values_init(&v);
	for (size_t i = 0; i < R->c->v.n; i++)
		values_set(&v, R->c->v.key[i], R->c->v.val[i]);
	struct errs e;
	errs_init(&e);
	int rc = -1;
	struct case_rec cur;
	memset(&cur, 0, sizeof cur);
	if (kind_normalize(R->k, &v, &e) != 0) {
		*R->cause = errs_join(&e, "; ");
	} else if (store_case_get(L->a->st, R->id, &cur) != 1) {
		*R->cause = xstrdup(_("berkas tidak ditemukan"));
	} else {
		const struct kstep *ks = kind_step(R->k, cur.step);
		rc = store_case_update(L->a->st, R->k, R->id, cur.version, &v,
				       ld_holder(L, ks ? ks->actor : NULL), NULL, R->cause);
	}
	case_clear(&cur);
	errs_free(&e);
	values_free(&v);
	return rc;
}

/* The recipients of the open dispositions to pos read them. */
static int ld_read(struct ld_run *R, const char *pos)
{
	struct dispo *ds;
	size_t n;
	if (pos == NULL || store_dispos_for(R->L->a->st, R->id, pos, &ds, &n) != 0)
		return 0;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++)
		if (ds[i].state == DS_NEW && ld_held(R->L, pos))
			rc = store_dispo_read(R->L->a->st, ds[i].id, ld_holder(R->L, pos), R->cause);
	dispos_free(ds, n);
	return rc;
}

/* Before the last step: the open dispositions report their follow-up. */
static int ld_followups(struct ld_run *R)
{
	static const char *const done[LK_NKINDS] = {
		"Sertifikat NIK sudah diterbitkan, dilegalisir dan diserahkan kepada pengurus koperasi",
		"Buku RAT sudah diperiksa; hasil penilaian dan sertifikat kesehatan diarsipkan",
		"User ID ODS sudah diterima pengurus koperasi",
		"Surat rekomendasi sudah diserahkan kepada pemohon",
		"Surat rekomendasi sudah didistribusikan kepada pemohon",
		"Surat izin usaha simpan pinjam sudah diserahkan",
		"Izin kantor kas sudah efektif di OSS",
	};
	struct dispo *ds;
	size_t n;
	if (store_case_dispos(R->L->a->st, R->id, &ds, &n) != 0)
		return 0;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++)
		if ((ds[i].state == DS_NEW || ds[i].state == DS_READ) && ld_held(R->L, ds[i].to_pos))
			rc = store_dispo_followup(R->L->a->st, ds[i].id, done[R->c->kind],
						  ld_holder(R->L, ds[i].to_pos), NULL, R->cause);
	dispos_free(ds, n);
	return rc;
}

/* Ticks the missing requirements the applicant brings (partial: only one;
 * at_register: at the counter, each one more likely than not, or only the
 * first for a case planned partial). */
static int ld_tick(struct ld_run *R, const char *actor, int partial, int at_register)
{
	struct ld *L = R->L;
	struct req_rec *rr;
	size_t n;
	if (store_case_reqs(L->a->st, R->k, R->id, &rr, &n, R->cause) != 0)
		return -1;
	int rc = 0, did = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct kreq *q = rr[i].req;
		if (rr[i].done)
			continue;
		if (!q->required) {
			/* the power of attorney: only when someone else than the chair applies */
			const char *j = values_get(&R->c->v, "jabatan_pemohon");
			if (!at_register || j == NULL || strcmp(j, "Ketua") == 0)
				continue;
		} else if (at_register && (R->c->partial ? did
				: !ld_chance(&L->rng, R->c->kind == LK_ODS ? 900 : 780))) {
			continue; /* the applicant did not bring it */
		}
		if (partial && did)
			break;
		const char *note = ld_chance(&L->rng, 250) ? LD_PICK(&L->rng, ld_tick_notes) : NULL;
		if (note != NULL && at_register && strncmp(note, "menyusul", 8) == 0)
			note = NULL;
		rc = store_req_set(L->a->st, R->k, R->id, q->key, 1, note, actor, R->cause);
		did = 1;
	}
	reqs_free(rr, n);
	return rc;
}

/* A reason to send step `from` back, or -1. */
static int ld_reason(struct ld *L, int kind, int from)
{
	int pick[LD_N(ld_reasons)], n = 0;
	for (int i = 0; i < LD_N(ld_reasons); i++)
		if (ld_reasons[i].kind == kind && ld_reasons[i].from == from)
			pick[n++] = i;
	return n ? pick[ld_int(&L->rng, n)] : -1;
}

/* Maybe "tidak disetujui" at step ks: 1 sent back, 0 not, -1 error. The first
 * case that can be sent back is, so every demo shows one. */
static int ld_maybe_return(struct ld_run *R, const struct kstep *ks)
{
	struct ld *L = R->L;
	if (ks->return_to <= 0 || R->returns >= 2 || (R->returns == 1 && !ld_chance(&L->rng, 150)))
		return 0;
	int ri = ld_reason(L, R->c->kind, ks->no);
	if (ri < 0 || !(L->returned == 0 || ld_chance(&L->rng, 110)))
		return 0;
	const char *actor = ld_holder(L, ks->actor);
	if (R->c->kind == LK_NIK && ks->no == 4) {
		char dmy[11];
		ld_dmy(R->t.day, dmy);
		if (ld_update(R, "tanggapan", "Melengkapi data dukung", "tanggal_tanggapan", dmy,
			      (const char *)NULL) != 0)
			return -1;
	}
	if (store_step_return(L->a->st, R->k, R->id, ld_reasons[ri].text, actor, R->cause) != 0)
		return -1;
	R->returns++;
	L->returned++;
	/* the document at fault is missing again until the applicant brings it */
	if (ld_reasons[ri].req != NULL) {
		const struct kstep *to = kind_step(R->k, ks->return_to);
		if (store_req_set(L->a->st, R->k, R->id, ld_reasons[ri].req, 0, ld_reasons[ri].text,
				  ld_holder(L, to ? to->actor : NULL), R->cause) != 0)
			return -1;
	}
	return 1;
}

/* Fields recorded when step no of the case is done. */
static int ld_step_fields(struct ld_run *R, int no)
{
	struct ld *L = R->L;
	uint64_t *rng = &L->rng;
	char dmy[11], dmy2[11];
	int y, m, d;
	date_to_ymd(R->t.day, &y, &m, &d);
	ld_dmy(R->t.day, dmy);
	int rc = 0;
	char *s = NULL;

	switch (R->c->kind) {
	case LK_NIK:
		if (no == 4) {
			rc = ld_update(R, "tanggapan", "Dapat diterbitkan", "tanggal_tanggapan", dmy,
				       (const char *)NULL);
		} else if (no == 6) {
			/* the Ministry printed it a few days before it arrived */
			day_t issued = calendar_add_workdays(L->a->cal, R->t.day, -ld_int(rng, 3));
			if (issued < R->c->day)
				issued = R->c->day;
			int iy, im, id;
			date_to_ymd(issued, &iy, &im, &id);
			ld_dmy(issued, dmy);
			ld_dmy(date_from_ymd(iy + 3, im, im == 2 && id == 29 ? 28 : id), dmy2);
			const struct koperasi *K = &L->kop[R->c->kop];
			s = xasprintf("%s/NIK/%d/%d", K->nik ? K->nik : "-", 1 + ld_int(rng, 900), iy);
			rc = ld_update(R, "nomor_sertifikat", s, "tanggal_terbit", dmy, "berlaku_sampai",
				       dmy2, (const char *)NULL);
		}
		break;
	case LK_RAT:
		if (values_get(&R->c->v, "usaha_simpan_pinjam") == NULL)
			break;
		if (no == 5) {
			static const char *const pred[] = {
				"Sehat", "Sehat", "Sehat", "Cukup Sehat", "Cukup Sehat",
				"Cukup Sehat", "Dalam Pengawasan", "Dalam Pengawasan Khusus",
			};
			rc = ld_update(R, "predikat_kesehatan", LD_PICK(rng, pred), (const char *)NULL);
		} else if (no == 7) {
			s = ld_outgoing(L, "500.3.4.2", R->t.day);
			rc = ld_update(R, "nomor_sertifikat_kesehatan", s, "tanggal_sertifikat_kesehatan",
				       dmy, (const char *)NULL);
		}
		break;
	case LK_ODS:
		if (no == 4) {
			const struct koperasi *K = &L->kop[R->c->kop];
			char ini[8];
			ld_initials(K->nama, ini);
			for (char *p = ini; *p; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p = (char)(*p - 'A' + 'a');
			s = xasprintf("%s%s", ini, K->nik ? K->nik + strlen(K->nik) - 6 : "000000");
			rc = ld_update(R, "user_id_ods", s, "tanggal_user_id", dmy, (const char *)NULL);
		}
		break;
	case LK_LEGAL:
		if (no == 4) {
			s = ld_outgoing(L, "500.3.2.2", R->t.day);
			rc = ld_update(R, "nomor_rekomendasi", s, "tanggal_rekomendasi", dmy,
				       (const char *)NULL);
		}
		break;
	case LK_PENDIRIAN:
		if (no == 5) {
			s = ld_outgoing(L, "500.3.2.1", R->t.day);
			rc = ld_update(R, "nomor_rekomendasi", s, "tanggal_rekomendasi", dmy,
				       (const char *)NULL);
		}
		break;
	case LK_USP:
		if (no == 4) {
			s = xasprintf("503/%04d/SI-USP/DPMPTSP/%d", 1 + ld_int(rng, 2000), y);
			rc = ld_update(R, "nomor_izin", s, "tanggal_izin", dmy, (const char *)NULL);
		}
		break;
	case LK_KAS:
		if (no == 3) {
			s = ld_outgoing(L, "500.3.4.2", R->t.day);
			rc = ld_update(R, "rekomendasi", "Penerbitan", "nomor_rekomendasi", s,
				       "tanggal_rekomendasi", dmy, (const char *)NULL);
		} else if (no == 4) {
			rc = ld_update(R, "tanggal_izin_efektif", dmy, (const char *)NULL);
		}
		break;
	}
	free(s);
	return rc;
}

/* The highest step number of the kind. */
static int ld_last_step(const struct kind *k)
{
	int last = 0;
	for (size_t i = 0; i < k->n_steps; i++)
		if (k->steps[i].no > last)
			last = k->steps[i].no;
	return last;
}

/* One action on the case at its current step: 1 done, 0 the case stops here
 * (waiting, or its next action is after now), -1 error. */
static int ld_step(struct ld_run *R, const struct case_rec *rec)
{
	struct ld *L = R->L;
	struct store *st = L->a->st;
	const struct kstep *ks = kind_step(R->k, rec->step);
	if (ks == NULL)
		return 0;
	const char *actor = ld_holder(L, ks->actor);
	int missing = store_reqs_missing(st, R->k, R->id, NULL);
	if (missing < 0) {
		*R->cause = xstrdup(_("persyaratan tidak dapat dibaca"));
		return -1;
	}
	int ticked = R->ticked;
	R->ticked = 0;

	if (ks->pauses_clock && missing > 0) {
		/* waiting on the applicant, who brings what is missing (or part of it) */
		if (!ld_act(R, ld_applicant_days(L, R->c->wait)))
			return 0;
		if (ld_read(R, ks->actor) != 0)
			return -1;
		if (ld_tick(R, actor, missing > 1 && ld_chance(&L->rng, 250), 0) != 0)
			return -1;
		int left = store_reqs_missing(st, R->k, R->id, NULL);
		R->ticked = left == 0;
		return 1;
	}
	if (ks->pauses_clock) {
		/* documents just completed: the officer moves on; otherwise the
		 * office waits for the applicant to collect or confirm */
		int wd = ticked ? ld_office_days(L, PACE_BRISK, NULL)
				: ld_applicant_days(L, R->c->wait == WAIT_GONE ? WAIT_SLOW : R->c->wait);
		if (!ld_act(R, wd))
			return 0;
		if (rec->step == ld_last_step(R->k) && ld_followups(R) != 0)
			return -1;
		return store_step_done(st, R->k, R->id, actor, R->cause) == 0 ? 1 : -1;
	}
	if (!ld_act(R, ld_office_days(L, R->c->pace, ks)))
		return 0;
	if (ld_read(R, ks->actor) != 0)
		return -1;
	int r = ld_maybe_return(R, ks);
	if (r != 0)
		return r;
	if (ks->complete_on == CO_DISPOSE) {
		const struct kstep *next = kind_step(R->k, ks->no + 1);
		const char *to[1] = { next ? next->actor : NULL };
		if (to[0] != NULL && ld_held(L, ks->actor) && ld_held(L, to[0]) &&
		    store_position_is_below(st, to[0], ks->actor) == 1) {
			/* forwards the disposition it got, or disposes the case itself */
			struct dispo *ds;
			size_t n;
			char parent[37] = "";
			if (store_dispos_for(st, R->id, ks->actor, &ds, &n) == 0) {
				if (n > 0)
					memcpy(parent, ds[0].id, sizeof parent);
				dispos_free(ds, n);
			}
			char dl[11];
			date_fmt_iso(calendar_add_workdays(L->a->cal, R->t.day, 3), dl);
			return store_dispose(st, R->id, parent[0] ? parent : NULL, ks->actor, to, 1,
					     L->instruction, ld_kinds[R->c->kind].note, dl, actor, NULL,
					     R->cause) == 0 ? 1 : -1;
		}
	}
	if (ld_step_fields(R, ks->no) != 0)
		return -1;
	if (rec->step == ld_last_step(R->k) && ld_followups(R) != 0)
		return -1;
	return store_step_done(st, R->k, R->id, actor, R->cause) == 0 ? 1 : -1;
}

/* Registers case c and takes it as far as its dates allow. */
static int ld_run_case(struct ld *L, struct ld_case *c, char **cause)
{
	struct store *st = L->a->st;
	struct ld_run R;
	memset(&R, 0, sizeof R);
	R.L = L;
	R.c = c;
	R.k = L->k[c->kind];
	R.cause = cause;
	R.t.day = c->reg_day;
	R.t.min = c->reg_min;
	demo_clock_at(R.t.day, R.t.min);

	struct demo_letter *x = c->letter >= 0 ? &L->letters[c->letter] : NULL;
	if (x != NULL)
		ld_set(R.k, &c->v, R.k->letter_field ? R.k->letter_field : "surat_masuk", x->number);
	struct values v;
	values_init(&v);
	for (size_t i = 0; i < c->v.n; i++)
		values_set(&v, c->v.key[i], c->v.val[i]);
	struct errs e;
	errs_init(&e);
	if (kind_normalize(R.k, &v, &e) != 0) {
		*cause = errs_join(&e, "; ");
		errs_free(&e);
		values_free(&v);
		return -1;
	}
	errs_free(&e);
	/* the officer at the first step registers it; the clerk when that is
	 * the Kepala Dinas (a request that comes as a letter) */
	const struct kstep *first = R.k->n_steps ? &R.k->steps[0] : NULL;
	const char *reg = first != NULL && first->complete_on == CO_REGISTER
		? ld_holder(L, first->actor) : L->clerk;
	struct case_rec rec;
	memset(&rec, 0, sizeof rec);
	int rc = store_case_insert(st, R.k, &v, reg, NULL, &rec, cause);
	values_free(&v);
	if (rc != 0)
		return -1;
	memcpy(R.id, rec.id, sizeof R.id);
	char *number = xstrdup(rec.number_text);
	int forwarded = rec.forwarded_to != NULL;
	case_clear(&rec);

	/* what the applicant brought at the counter */
	if (!forwarded && first != NULL && first->complete_on == CO_REGISTER &&
	    first->pauses_clock && ld_tick(&R, reg, 0, 1) != 0) {
		free(number);
		return -1;
	}
	/* the head of unit the letter went to reports what became of it */
	if (x != NULL && x->handler != NULL && x->dispo_day != 0) {
		struct dispo *ds;
		size_t n;
		if (store_dispos_for(st, x->id, x->handler, &ds, &n) == 0) {
			if (n > 0 && ld_held(L, x->handler) && ld_act(&R, 0)) {
				const char *fw = values_get(&c->v, "surat_penerusan");
				char *note = forwarded
					? xasprintf("Bukan wewenang Dinas Provinsi; permohonan diteruskan"
						    " dengan surat %s (berkas %s)", fw ? fw : "-", number)
					: xasprintf("Sudah diregistrasi sebagai berkas %s %s; diproses"
						    " sesuai SOP", R.k->title, number);
				rc = store_dispo_followup(st, ds[0].id, note, ld_holder(L, x->handler),
							  NULL, cause);
				free(note);
			}
			dispos_free(ds, n);
		}
	}
	free(number);
	if (rc != 0 || forwarded)
		return rc;

	for (int guard = 0; guard < LD_GUARD; guard++) {
		memset(&rec, 0, sizeof rec);
		if (store_case_get(st, R.id, &rec) != 1) {
			case_clear(&rec);
			*cause = xstrdup(_("berkas tidak ditemukan"));
			return -1;
		}
		int r = strcmp(rec.status, "selesai") == 0 ? 0 : ld_step(&R, &rec);
		case_clear(&rec);
		if (r <= 0)
			return r;
	}
	return 0;
}

/* ---- the whole run ------------------------------------------------------------------------ */

static void ld_free(struct ld *L)
{
	for (int i = 0; i < L->nkop; i++)
		koperasi_clear(&L->kop[i]);
	free(L->kop);
	free(L->kop_used);
	free(L->kop_office);
	for (long i = 0; i < L->n && L->c != NULL; i++) {
		values_free(&L->c[i].v);
		for (int j = 0; j < LD_N(L->c[i].texts); j++)
			free(L->c[i].texts[j]);
	}
	free(L->c);
	free(L->letters);
	for (size_t i = 0; i < L->nwho; i++) {
		free(L->who[i].pos);
		free(L->who[i].login);
	}
	free(L->who);
	free(L->clerk_own);
}

day_t demo_layanan_registry_day(void)
{
	return clock_today() - DEMO_LAYANAN_DAYS - 7;
}

/* Loads kinds, people and cooperatives; 0 or -1 with cause. */
static int ld_setup(struct ld *L, struct app *a, long n, unsigned seed, char **cause)
{
	memset(L, 0, sizeof *L);
	L->a = a;
	L->n = n;
	L->rng = 0x6c6179616e616eULL ^ ((uint64_t)seed * 0x9e3779b97f4a7c15ULL);
	L->today = clock_today();
	time_t now = clock_now() + (time_t)clock_utc_offset() * 60;
	L->now_min = (int)(((now % 86400) + 86400) % 86400 / 60);

	int any = 0;
	for (int i = 0; i < LK_NKINDS; i++)
		any |= (L->k[i] = kindset_find(&a->kinds, ld_kinds[i].key)) != NULL;
	if (!any) {
		*cause = xstrdup(_("tidak ada jenis layanan koperasi di forms/ (sertifikat_nik,"
				   " penerimaan_rat, registrasi_ods, legalitas_koperasi,"
				   " pendirian_koperasi, izin_usp, kantor_kas)"));
		return -1;
	}
	/* who registers: the archivist, another clerk, or whoever runs the demo */
	if (ld_held(L, "arsiparis")) {
		L->clerk = ld_holder(L, "arsiparis");
	} else {
		struct person *pp;
		size_t np;
		if (store_people(a->st, &pp, &np) == 0) {
			for (size_t i = 0; i < np && L->clerk == NULL; i++)
				if (person_has_role(&pp[i], "pencatat") || person_has_role(&pp[i], "admin"))
					L->clerk = L->clerk_own = xstrdup(pp[i].login);
			people_free(pp, np);
		}
	}
	if (L->clerk == NULL) {
		*cause = xstrdup(_("tidak ada pengguna dengan peran pencatat atau admin untuk"
				   " mencatat berkas layanan contoh"));
		return -1;
	}
	for (size_t i = 0; i < a->cfg.n_instructions && L->instruction == NULL; i++)
		if (strcmp(a->cfg.instructions[i], "proses lebih lanjut") == 0)
			L->instruction = a->cfg.instructions[i];
	if (L->instruction == NULL && a->cfg.n_instructions > 0)
		L->instruction = a->cfg.instructions[0];

	L->kop = xcalloc(LD_MAX_KOP, sizeof *L->kop);
	char *why = NULL;
	if (store_koperasi_each(a->st, ld_collect, L, &why) != 0) {
		*cause = why ? why : xstrdup(_("registri koperasi tidak dapat dibaca"));
		return -1;
	}
	if (L->nkop == 0) {
		*cause = xstrdup(_("registri koperasi kosong: tambahkan koperasi dulu (demo"
				   " --koperasi N, koperasi add atau import koperasi)"));
		return -1;
	}
	L->ref = store_koperasi_ref(a->st, NULL);
	L->kop_used = xcalloc((size_t)L->nkop, sizeof *L->kop_used);
	L->kop_office = xcalloc((size_t)L->nkop, sizeof *L->kop_office);
	for (int i = 0; i < L->nkop; i++)
		L->kop_office[i] = koperasi_office(L->ref, &L->kop[i], NULL);
	return 0;
}

/* Kinds, days, cooperatives, fields and letters of the n cases. */
static int ld_plan(struct ld *L, char **cause)
{
	uint64_t *rng = &L->rng;
	long n = L->n;
	/* working days of the window, up to today */
	day_t *wd = xcalloc(DEMO_LAYANAN_DAYS + 1, sizeof *wd);
	int nwd = 0;
	for (day_t d = L->today - DEMO_LAYANAN_DAYS + 1; d <= L->today; d++)
		if (calendar_is_workday(L->a->cal, d))
			wd[nwd++] = d;
	if (nwd == 0)
		wd[nwd++] = L->today;

	/* every kind once, the rest by weight, in random order */
	int *kinds = xcalloc((size_t)n, sizeof *kinds);
	int total = 0;
	long have = 0;
	for (int i = 0; i < LK_NKINDS; i++)
		if (L->k[i] != NULL) {
			total += ld_kinds[i].weight;
			if (have < n)
				kinds[have++] = i;
		}
	for (; have < n; have++) {
		int r = ld_int(rng, total), i = 0;
		for (;; i++) {
			if (L->k[i] == NULL)
				continue;
			if (r < ld_kinds[i].weight)
				break;
			r -= ld_kinds[i].weight;
		}
		kinds[have] = i;
	}
	for (long i = n - 1; i > 0; i--) {
		long j = (long)(ld_next(rng) % (uint64_t)(i + 1));
		int t = kinds[i];
		kinds[i] = kinds[j];
		kinds[j] = t;
	}

	L->c = xcalloc((size_t)n, sizeof *L->c);
	L->letters = xcalloc((size_t)n, sizeof *L->letters);
	for (long i = 0; i < n; i++) {
		struct ld_case *c = &L->c[i];
		values_init(&c->v);
		c->kind = kinds[i];
		c->letter = -1;
		/* three times as many a day lately as at the start of the window */
		double at = (double)i / (double)n;
		c->day = wd[(int)(at * (1.5 - 0.5 * at) * nwd)];
	}
	/* The first NIK request is served here and goes all the way; one from
	 * two to six weeks ago is served too but has sat on the Kepala Dinas'
	 * desk since, past its 3-day standard, so the overdue view has one. When
	 * there is no such one another case from then becomes a NIK request (not
	 * the only case of its kind). */
	long first = -1, stuck = -1;
	day_t lo = calendar_add_workdays(L->a->cal, L->today, -30);
	day_t hi = calendar_add_workdays(L->a->cal, L->today, -6);
	for (long i = 0; i < n; i++)
		if (kinds[i] == LK_NIK) {
			if (first < 0)
				first = i;
			else if (L->c[i].day >= lo && L->c[i].day <= hi)
				stuck = i;
		}
	for (long i = n - 1; i >= 0 && stuck < 0; i--) {
		long same = 0;
		for (long j = 0; j < n; j++)
			same += kinds[j] == kinds[i];
		if (i != first && L->c[i].day >= lo && L->c[i].day <= hi && same > 1 &&
		    L->k[LK_NIK] != NULL)
			stuck = i;
	}
	if (stuck >= 0)
		L->c[stuck].kind = kinds[stuck] = LK_NIK;
	int rc = 0;
	for (long i = 0; i < n && rc == 0; i++) {
		struct ld_case *c = &L->c[i];
		int r = ld_int(rng, 100);
		c->pace = r < 30 ? PACE_BRISK : r < 82 ? PACE_NORMAL : r < 95 ? PACE_SLOW : PACE_STUCK;
		/* who wants a NIK certificate brings the papers soon */
		r = ld_int(rng, 100);
		if (c->kind == LK_NIK)
			c->wait = r < 70 ? WAIT_PROMPT : r < 95 ? WAIT_SLOW : WAIT_GONE;
		else
			c->wait = r < 45 ? WAIT_PROMPT : r < 87 ? WAIT_SLOW : WAIT_GONE;
		if (i == first)
			c->pace = PACE_BRISK, c->wait = WAIT_PROMPT, c->serve = 1;
		if (i == stuck)
			c->pace = PACE_STUCK, c->wait = WAIT_PROMPT, c->serve = 1;
		/* a kind the registry has no cooperative for gives way to the next */
		int tries = 0;
		while (ld_fill(L, c) != 0 && ++tries < LK_NKINDS)
			do
				c->kind = (c->kind + 1) % LK_NKINDS;
			while (L->k[c->kind] == NULL);
		if (tries == LK_NKINDS) {
			*cause = xasprintf(_("registri koperasi tidak punya koperasi yang cocok untuk"
					     " berkas layanan contoh (%s)"), L->k[c->kind]->title);
			rc = -1;
			break;
		}
		c->reg_day = c->day;
		c->reg_min = LD_OPEN + 30 + ld_int(rng, 360);
		if (c->texts[0] == NULL || c->day >= L->today) {
			if (c->day == L->today && c->reg_min > L->now_min)
				c->reg_min = L->now_min > 30 ? L->now_min - 1 - ld_int(rng, 30) : 0;
			continue;
		}
		/* the letter: registered, disposed by the Kepala Dinas, then the case */
		struct demo_letter *x = &L->letters[L->nletters];
		struct ld_time t = { c->day, LD_OPEN + 15 + ld_int(rng, 300) };
		x->day = c->day;
		x->minute = t.min;
		x->letter_day = calendar_add_workdays(L->a->cal, c->day, -(1 + ld_int(rng, 5)));
		x->sender = c->texts[0];
		x->letter_no = c->texts[1];
		x->subject = c->texts[2];
		x->summary = c->texts[3];
		x->code = ld_kinds[c->kind].code;
		x->index = ld_kinds[c->kind].index;
		x->handler = ld_held(L, ld_kinds[c->kind].handler) ? ld_kinds[c->kind].handler : NULL;
		x->note = ld_kinds[c->kind].note;
		if (x->handler != NULL) {
			t = ld_later(L, t, 0);
			x->dispo_day = t.day;
			x->dispo_minute = t.min;
		}
		t = ld_later(L, t, 0);
		int ty, cy, mm, dd;
		date_to_ymd(t.day, &ty, &mm, &dd);
		date_to_ymd(c->day, &cy, &mm, &dd);
		/* (a letter is found by its number in the year of the request) */
		if (!ld_past(L, t) || ty != cy) {
			memset(x, 0, sizeof *x);
			continue;
		}
		c->reg_day = t.day;
		c->reg_min = t.min;
		c->letter = (int)L->nletters++;
	}
	/* the last case that waits on papers at the counter brought only one
	 * of them, and does not come back with the rest */
	for (long i = n - 1; i >= 0 && rc == 0; i--) {
		const struct kind *k = L->k[L->c[i].kind];
		int req = 0;
		for (size_t j = 0; j < k->n_reqs; j++)
			req += k->reqs[j].required != 0;
		if (req >= 2 && k->n_steps > 0 && k->steps[0].complete_on == CO_REGISTER &&
		    k->steps[0].pauses_clock) {
			L->c[i].partial = 1;
			L->c[i].wait = WAIT_GONE;
			break;
		}
	}
	free(kinds);
	free(wd);
	return rc;
}

int demo_layanan(struct app *a, long letters, long n, unsigned seed,
		 void (*progress)(double done, void *ctx), void *ctx, long *brought,
		 char **cause)
{
	if (brought != NULL)
		*brought = 0;
	if (n <= 0)
		return demo_letters(a, letters, seed, progress, ctx, cause);
	struct ld L;
	struct demo_clock clk;
	demo_clock_save(&clk);
	int rc = ld_setup(&L, a, n, seed, cause);
	if (rc == 0)
		rc = ld_plan(&L, cause);
	if (rc == 0)
		rc = demo_letters_with(a, letters, seed, L.letters, L.nletters, progress, ctx, cause);
	if (rc == 0 && brought != NULL)
		*brought = (long)L.nletters;
	if (rc == 0)
		rc = store_begin(a->st, cause);
	if (rc == 0) {
		for (long i = 0; i < n && rc == 0; i++) {
			char *why = NULL;
			if (ld_run_case(&L, &L.c[i], &why) != 0) {
				*cause = xasprintf(_("berkas layanan demo ke-%ld (%s): %s"), i + 1,
						   L.k[L.c[i].kind]->key, why ? why : "?");
				rc = -1;
			}
			free(why);
			if (progress != NULL && (i + 1) % 10 == 0)
				progress((double)(i + 1) / (double)n, ctx);
		}
		if (rc != 0)
			store_rollback(a->st);
		else
			rc = store_commit(a->st, cause);
	}
	if (rc == 0 && progress != NULL)
		progress(1.0, ctx);
	demo_clock_restore(&clk);
	ld_free(&L);
	return rc;
}
