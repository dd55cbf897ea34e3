/* koperasi_demo.c: deterministic, realistic NTT cooperatives (KSP Kopdit, KUD, KPRI, ...) for demos and benchmarks. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koperasi.h"
#include "date.h"
#include "util.h"

/* splitmix64, as demo.c: deterministic for a seed on every platform */
static uint64_t kdemo_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int kdemo_int(uint64_t *s, int n)
{
	return n <= 1 ? 0 : (int)(kdemo_next(s) % (uint64_t)n);
}

static int kdemo_chance(uint64_t *s, int permille)
{
	return kdemo_int(s, 1000) < permille;
}

#define KDEMO_N(arr) ((int)(sizeof(arr) / sizeof((arr)[0])))
#define KDEMO_PICK(s, arr) ((arr)[kdemo_int((s), KDEMO_N(arr))])

/* Kab/kota of NTT (data/wilayah.csv), a few of their kecamatan, and a weight
 * (roughly how many cooperatives are there). */
static const struct {
	const char *code, *bps, *place;
	int         weight;
	const char *kec[6];
} kdemo_kab[] = {
	{ "53.01", "5303", "Kupang", 6, { "Kupang Tengah", "Kupang Timur", "Amarasi", "Fatuleu", "Sulamu", "Takari" } },
	{ "53.02", "5304", "Soe", 5, { "Kota Soe", "Amanuban Selatan", "Mollo Utara", "Amanuban Barat", "Kie", NULL } },
	{ "53.03", "5305", "Kefamenanu", 4, { "Kota Kefamenanu", "Insana", "Biboki Selatan", "Miomaffo Barat", NULL, NULL } },
	{ "53.04", "5306", "Atambua", 4, { "Kota Atambua", "Atambua Barat", "Atambua Selatan", "Tasifeto Timur", NULL, NULL } },
	{ "53.05", "5307", "Kalabahi", 3, { "Teluk Mutiara", "Alor Barat Laut", "Kabola", "Alor Timur", NULL, NULL } },
	{ "53.06", "5309", "Larantuka", 5, { "Larantuka", "Wulanggitang", "Solor Barat", "Adonara Timur", "Ile Mandiri", NULL } },
	{ "53.07", "5310", "Maumere", 7, { "Alok", "Alok Timur", "Alok Barat", "Kewapante", "Nita", "Talibura" } },
	{ "53.08", "5311", "Ende", 6, { "Ende Selatan", "Ende Tengah", "Ende Timur", "Wolowaru", "Detusoko", "Nangapanda" } },
	{ "53.09", "5312", "Bajawa", 4, { "Bajawa", "Golewa", "Aimere", "Bajawa Utara", NULL, NULL } },
	{ "53.10", "5313", "Ruteng", 5, { "Langke Rembong", "Ruteng", "Satar Mese", "Cibal", "Wae Rii", NULL } },
	{ "53.11", "5302", "Waingapu", 4, { "Kota Waingapu", "Kambera", "Pandawai", "Lewa", NULL, NULL } },
	{ "53.12", "5301", "Waikabubak", 2, { "Kota Waikabubak", "Loli", "Lamboya", NULL, NULL, NULL } },
	{ "53.13", "5308", "Lewoleba", 3, { "Nubatukan", "Ile Ape", "Lebatukan", "Atadei", NULL, NULL } },
	{ "53.14", "5314", "Ba'a", 2, { "Lobalain", "Rote Barat Daya", "Rote Timur", NULL, NULL, NULL } },
	{ "53.15", "5315", "Labuan Bajo", 3, { "Komodo", "Lembor", "Kuwus", "Sano Nggoang", NULL, NULL } },
	{ "53.16", "5318", "Mbay", 2, { "Aesesa", "Boawae", "Mauponggo", NULL, NULL, NULL } },
	{ "53.17", "5316", "Waibakul", 1, { "Katikutana", "Mamboro", "Umbu Ratu Nggay", NULL, NULL, NULL } },
	{ "53.18", "5317", "Tambolaka", 2, { "Kota Tambolaka", "Wewewa Barat", "Kodi", NULL, NULL, NULL } },
	{ "53.19", "5319", "Borong", 3, { "Borong", "Lamba Leda", "Poco Ranaka", "Kota Komba", NULL, NULL } },
	{ "53.20", "5320", "Seba", 1, { "Sabu Barat", "Hawu Mehara", "Raijua", NULL, NULL, NULL } },
	{ "53.21", "5321", "Betun", 2, { "Malaka Tengah", "Malaka Barat", "Kobalima", NULL, NULL, NULL } },
	{ "53.71", "5371", "Kupang", 8, { "Oebobo", "Kelapa Lima", "Maulafa", "Alak", "Kota Raja", "Kota Lama" } },
};

/* Kinds of cooperative as NTT has them: name prefix, kelompok, jenis, sector, weight. */
static const struct {
	const char *prefix, *kelompok, *jenis, *sektor;
	int         weight;
	int         members_max;
} kdemo_type[] = {
	{ "KSP Kopdit", "Koperasi Simpan Pinjam", "Simpan Pinjam", "Jasa Keuangan dan Asuransi", 26, 20000 },
	{ "KSP", "Koperasi Simpan Pinjam", "Simpan Pinjam", "Jasa Keuangan dan Asuransi", 6, 3000 },
	{ "KUD", "Koperasi Unit Desa", "Produsen", "Pertanian, Kehutanan dan Perikanan", 9, 1500 },
	{ "KPRI", "Koperasi Pegawai Negeri", "Konsumen", "Perdagangan Besar dan Eceran", 14, 800 },
	{ "KSU", "Koperasi Serba Usaha", "Jasa", "Perdagangan Besar dan Eceran", 14, 600 },
	{ "Koperasi Wanita", "Koperasi Wanita", "Simpan Pinjam", "Jasa Keuangan dan Asuransi", 5, 500 },
	{ "Koperasi Tani", "Koperasi Pertanian", "Produsen", "Pertanian, Kehutanan dan Perikanan", 5, 300 },
	{ "Koperasi Peternak", "Koperasi Peternakan", "Produsen", "Pertanian, Kehutanan dan Perikanan", 3, 200 },
	{ "Koperasi Nelayan", "Koperasi Nelayan", "Produsen", "Pertanian, Kehutanan dan Perikanan", 4, 200 },
	{ "Kopkar", "Koperasi Karyawan", "Konsumen", "Perdagangan Besar dan Eceran", 3, 400 },
	{ "Koppas", "Koperasi Pedagang Pasar", "Pemasaran", "Perdagangan Besar dan Eceran", 2, 300 },
	{ "Kopinkra", "Koperasi Industri Kerajinan", "Produsen", "Industri Pengolahan", 2, 150 },
	{ "Koperasi Desa Merah Putih", "Koperasi Desa Merah Putih", "Produsen", "Perdagangan Besar dan Eceran", 7, 300 },
};

static const char *const kdemo_word[] = {
	"Sehati", "Harapan Kita", "Bina Usaha", "Tunas Mekar", "Sinar Timur", "Flobamora",
	"Nusa Bunga", "Mutiara", "Lewotana", "Nekamese", "Bolelebo", "Kasih", "Sumber Rejeki",
	"Karya Bersama", "Maju Bersama", "Cahaya", "Pelita", "Usaha Bersama", "Sejahtera",
	"Mandiri", "Swadaya", "Bintang Timur", "Fajar", "Gotong Royong", "Bunga Lontar",
	"Sasando", "Tenun Ikat", "Cendana", "Kelimutu", "Sinar Pagi", "Tekad", "Satu Hati",
};

static const char *const kdemo_first[] = {
	"Yohanes", "Maria", "Fransiskus", "Agustinus", "Yosef", "Petrus", "Paulus", "Anselmus",
	"Theresia", "Katarina", "Marselina", "Yuliana", "Imelda", "Benediktus", "Stefanus",
	"Aloysius", "Kornelis", "Daniel", "Yakobus", "Markus", "Elisabeth", "Veronika", "Hendrik",
	"Yermias", "Ruth", "Debora", "Simon", "Antonius", "Wilhelmus", "Bernadete", "Florentina",
	"Abdul", "Siti", "Muhammad",
};

static const char *const kdemo_last[] = {
	"Da Costa", "Fernandez", "Parera", "Lewar", "Ola", "Wuwur", "Making", "Kewa", "Nggadas",
	"Bili", "Ndun", "Lay", "Manafe", "Nenobais", "Tefa", "Kase", "Benu", "Taneo", "Haning",
	"Foeh", "Riwu", "Dima", "Kaka", "Radja", "Wadu", "Lado", "Mere", "Wangge", "Djogo", "Nai",
	"Mbete", "Gadi", "Rewo", "Goa", "Sina", "Laka", "Amalo", "Bessie",
};

static const char *const kdemo_street[] = {
	"Jl. El Tari", "Jl. Soekarno", "Jl. Ahmad Yani", "Jl. Kartini", "Jl. Gatot Subroto",
	"Jl. Frans Seda", "Jl. Adisucipto", "Jl. Timor Raya", "Jl. Trans Flores", "Jl. Diponegoro",
	"Jl. Sudirman", "Jl. Katedral", "Jl. Pelabuhan", "Jl. Pasar Baru", "Jl. Merdeka",
};

static const char *const kdemo_roman[] = {
	"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
};

/* Index by weight. */
static int kdemo_weighted(uint64_t *s, const int *w, int n)
{
	int total = 0;
	for (int i = 0; i < n; i++)
		total += w[i];
	int r = kdemo_int(s, total);
	for (int i = 0; i < n; i++) {
		if (r < w[i])
			return i;
		r -= w[i];
	}
	return n - 1;
}

static char *kdemo_person(uint64_t *s)
{
	return xasprintf("%s %s", KDEMO_PICK(s, kdemo_first), KDEMO_PICK(s, kdemo_last));
}

static char *kdemo_people(uint64_t *s, int n)
{
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < n; i++) {
		char *p = kdemo_person(s);
		if (i > 0)
			buf_adds(&b, "; ");
		buf_adds(&b, p);
		free(p);
	}
	return buf_steal(&b);
}

/* A date in year y (days 1..28 so any month works), not after today. */
static void kdemo_date(uint64_t *s, int y, int month_lo, int month_hi, day_t today, char out[11])
{
	day_t d = date_from_ymd(y, month_lo + kdemo_int(s, month_hi - month_lo + 1),
				1 + kdemo_int(s, 28));
	if (d > today)
		d = today;
	date_fmt_dmy(d, out);
}

/* One cooperative (raw text, as a clerk would type it) into k. */
static void kdemo_one(uint64_t *s, long i, const struct kop_ref *r, struct koperasi *k)
{
	day_t today = clock_today();
	int ty, tm, td;
	date_to_ymd(today, &ty, &tm, &td);
	char d[11];

	int wk[KDEMO_N(kdemo_kab)], wt[KDEMO_N(kdemo_type)];
	for (int j = 0; j < KDEMO_N(kdemo_kab); j++)
		wk[j] = kdemo_kab[j].weight;
	for (int j = 0; j < KDEMO_N(kdemo_type); j++)
		wt[j] = kdemo_type[j].weight;
	int kb = kdemo_weighted(s, wk, KDEMO_N(kdemo_kab));
	int ty_i = kdemo_weighted(s, wt, KDEMO_N(kdemo_type));
	int nkec = 0;
	while (nkec < 6 && kdemo_kab[kb].kec[nkec] != NULL)
		nkec++;
	int kec = kdemo_int(s, nkec);
	const char *kecamatan = kdemo_kab[kb].kec[kec];

	char *nama = xasprintf("%s %s %s", kdemo_type[ty_i].prefix, KDEMO_PICK(s, kdemo_word),
			       strcmp(kdemo_type[ty_i].prefix, "Koperasi Desa Merah Putih") == 0
			       ? kecamatan : kdemo_kab[kb].place);
	koperasi_put(k, KF_nama, nama);
	free(nama);

	/* founding: the Desa Merah Putih cooperatives are all from 2025 on */
	int founded = strcmp(kdemo_type[ty_i].kelompok, "Koperasi Desa Merah Putih") == 0
		? (ty >= 2025 ? 2025 + kdemo_int(s, ty - 2024) : ty) : 1975 + kdemo_int(s, ty - 1975);
	kdemo_date(s, founded, 1, 12, today, d);
	koperasi_put(k, KF_tanggal_badan_hukum, d);
	char *bh = founded >= 2015
		? xasprintf("AHU-%07ld.AH.01.26.TAHUN %d", 1000 + i, founded)
		: xasprintf("%ld/BH/KDK.24/%s/%d", 100 + i, KDEMO_PICK(s, kdemo_roman), founded);
	koperasi_put(k, KF_no_badan_hukum, bh);
	free(bh);
	if (founded < ty - 2 && kdemo_chance(s, 300)) {
		int y = founded + 1 + kdemo_int(s, ty - founded - 1);
		char *pad = xasprintf("AHU-%07ld.AH.01.27.TAHUN %d", 500000 + i, y);
		koperasi_put(k, KF_no_perubahan_ad, pad);
		free(pad);
		kdemo_date(s, y, 1, 12, today, d);
		koperasi_put(k, KF_tanggal_perubahan_ad, d);
	}

	char *alamat = xasprintf("%s No. %d", KDEMO_PICK(s, kdemo_street), 1 + kdemo_int(s, 150));
	koperasi_put(k, KF_alamat, alamat);
	free(alamat);
	koperasi_put(k, KF_kelurahan, kecamatan);
	koperasi_put(k, KF_kecamatan, kecamatan);
	koperasi_put(k, KF_kabkota, kdemo_kab[kb].code);

	/* most are primary cooperatives of one kab/kota */
	static const struct { const char *bentuk; int weight; } bentuk[] = {
		{ "Primer Kabupaten/Kota", 850 }, { "Primer Provinsi", 110 },
		{ "Sekunder Provinsi", 25 }, { "Primer Nasional", 10 }, { "Sekunder Kabupaten/Kota", 5 },
	};
	int wb[KDEMO_N(bentuk)];
	for (int j = 0; j < KDEMO_N(bentuk); j++)
		wb[j] = bentuk[j].weight;
	const char *b = bentuk[kdemo_weighted(s, wb, KDEMO_N(bentuk))].bentuk;
	const struct kop_item *bi = koperasi_list_find(koperasi_ref_list(r, "kop_bentuk"), b);
	koperasi_put(k, KF_bentuk, b);
	koperasi_put(k, KF_wilayah_keanggotaan, bi && bi->extra ? bi->extra : "kabkota");
	koperasi_put(k, KF_jenis, kdemo_type[ty_i].jenis);
	koperasi_put(k, KF_kelompok, kdemo_type[ty_i].kelompok);
	koperasi_put(k, KF_sektor_usaha, kdemo_type[ty_i].sektor);
	static const int wsk[] = { 700, 220, 70, 10 };
	static const char *const skala[] = { "Mikro", "Kecil", "Menengah", "Besar" };
	koperasi_put(k, KF_skala, skala[kdemo_weighted(s, wsk, 4)]);

	char *p = kdemo_people(s, 3);
	koperasi_put(k, KF_pengurus, p);
	free(p);
	p = kdemo_people(s, 2 + kdemo_int(s, 2));
	koperasi_put(k, KF_pengawas, p);
	free(p);
	int members = 20 + kdemo_int(s, kdemo_int(s, 10) == 0 ? kdemo_type[ty_i].members_max
							     : kdemo_type[ty_i].members_max / 10 + 1);
	int women = strcmp(kdemo_type[ty_i].prefix, "Koperasi Wanita") == 0
		? members : members * (30 + kdemo_int(s, 40)) / 100;
	char num[16];
	snprintf(num, sizeof num, "%d", members - women);
	koperasi_put(k, KF_anggota_pria, num);
	snprintf(num, sizeof num, "%d", women);
	koperasi_put(k, KF_anggota_wanita, num);

	/* RAT history: a steady cooperative holds its RAT every year in the first half */
	int diligence = kdemo_int(s, 10); /* 0..9: chance out of 10 per year */
	struct buf years;
	buf_init(&years);
	buf_add(&years, "", 0);
	int last = 0;
	for (int y = (founded + 1 > ty - 5 ? founded + 1 : ty - 5); y <= ty; y++) {
		if (kdemo_int(s, 10) >= diligence)
			continue;
		day_t rd = date_from_ymd(y, 2 + kdemo_int(s, 4), 1 + kdemo_int(s, 28));
		if (rd > today)
			continue;
		buf_printf(&years, years.len ? ";%d" : "%d", y);
		last = y;
		date_fmt_dmy(rd, d);
	}
	if (last > 0) {
		koperasi_put(k, KF_tahun_rat, years.s);
		koperasi_put(k, KF_rat_terakhir, d);
	}
	buf_free(&years);

	/* NIK: BPS code of the kab/kota, kecamatan, a running number */
	if (founded < ty && kdemo_chance(s, 700)) {
		char nik[32];
		snprintf(nik, sizeof nik, "%s%02d%010ld", kdemo_kab[kb].bps, kec + 1, 2000000000L + i);
		koperasi_put(k, KF_nik, nik);
		if (kdemo_chance(s, 550)) {
			int y = (founded > 2016 ? founded : 2016) + kdemo_int(s, ty - (founded > 2016 ? founded : 2016) + 1);
			day_t issued = date_from_ymd(y, 1 + kdemo_int(s, 12), 1 + kdemo_int(s, 28));
			if (issued > today)
				issued = today;
			int iy, im, id;
			date_to_ymd(issued, &iy, &im, &id);
			day_t until = date_from_ymd(iy + 3, im, id);
			date_fmt_dmy(issued, d);
			koperasi_put(k, KF_tanggal_sertifikat, d);
			date_fmt_dmy(until, d);
			koperasi_put(k, KF_sertifikat_berlaku, d);
			char *no = xasprintf("%s/NIK/%ld/%d", nik, 1 + i % 997, iy);
			koperasi_put(k, KF_no_sertifikat, no);
			free(no);
			koperasi_put(k, KF_status_nik, until < today ? "Sertifikat - Expired"
								       : "Sudah Bersertifikat");
		} else {
			koperasi_put(k, KF_status_nik, "Belum Bersertifikat");
		}
	}
	koperasi_put(k, KF_status, last >= ty - 3 || founded >= ty - 1 || kdemo_chance(s, 300)
				   ? "aktif" : "tidak_aktif");
	char tel[24];
	snprintf(tel, sizeof tel, "08%d%d %04d %04d", 1 + kdemo_int(s, 3), kdemo_int(s, 10),
		 kdemo_int(s, 10000), kdemo_int(s, 10000));
	koperasi_put(k, KF_telepon, tel);
	if (kdemo_chance(s, 450)) {
		char *mail = xasprintf("%s.%ld@gmail.com", kdemo_type[ty_i].prefix[0] == 'K'
				       && kdemo_type[ty_i].prefix[1] == 'S' ? "ksp" : "kop", 100 + i);
		for (char *c = mail; *c; c++)
			if (*c == ' ')
				*c = '.';
		koperasi_put(k, KF_email, mail);
		free(mail);
	}
}

/* Adds n realistic NTT cooperatives for a seed; 0, or -1 with *cause. */
int koperasi_demo(struct app *a, long n, unsigned seed,
		  void (*progress)(double done, void *ctx), void *ctx, char **cause)
{
	struct errs e;
	errs_init(&e);
	struct kop_ref *r = koperasi_ref_load(a->data_dir, &e);
	if (r == NULL) {
		*cause = errs_join(&e, "; ");
		errs_free(&e);
		return -1;
	}
	uint64_t s = 0x6b6f7065726173ULL ^ (uint64_t)seed;
	const char *actor = a->me.login ? a->me.login : app_login();
	int ty, tm, td;
	date_to_ymd(clock_today(), &ty, &tm, &td);
	int rc = 0;
	struct kop_bulk *bulk = NULL;
	if (store_begin(a->st, cause) != 0) {
		rc = -1;
	} else if (store_koperasi_bulk_begin(a->st, n, KOP_BULK_NO_LOOKUPS, "dibuat", "demo", &bulk,
					     cause) != 0) {
		store_rollback(a->st);
		rc = -1;
	}
	/* numbers (NIK, badan hukum) continue after the cooperatives already there */
	long base = rc == 0 ? store_koperasi_bulk_existing(bulk) : 0;
	for (long done = 0; done < n && rc == 0; done++) {
		struct koperasi k;
		koperasi_init(&k);
		kdemo_one(&s, base + done, r, &k);
		if (koperasi_normalize(r, &k, &e) != 0) {
			char *all = errs_join(&e, "; ");
			*cause = xasprintf(_("demo koperasi %ld: %s"), done + 1, all);
			free(all);
			rc = -1;
		} else {
			koperasi_put(&k, KF_grade, koperasi_grade_of(r, &k, ty));
			rc = store_koperasi_insert(a->st, &k, actor, NULL, "demo", cause);
		}
		koperasi_clear(&k);
		if (progress != NULL && (done + 1) % 1000 == 0)
			progress((double)(done + 1) / (double)n, ctx);
	}
	if (bulk != NULL) {
		if (rc == 0 && store_koperasi_bulk_end(a->st, bulk, 1, cause) != 0)
			rc = -1;
		else if (rc != 0)
			store_koperasi_bulk_end(a->st, bulk, 0, NULL);
		if (rc != 0)
			store_rollback(a->st);
		else if (store_commit(a->st, cause) != 0)
			rc = -1;
	}
	if (rc == 0 && progress != NULL)
		progress(1.0, ctx);
	errs_free(&e);
	koperasi_ref_free(r);
	return rc;
}
