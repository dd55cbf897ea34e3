/* cli.c: subcommand dispatch, usage texts, option parsing and helpers shared by the subcommands. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "date.h"

/* One subcommand: its handler and help. Texts are translated when printed. */
struct cli_cmd {
	const char *name;
	int       (*fn)(const struct cli_ctx *c, int argc, char **argv);
	const char *synopsis; /* arguments after the name */
	const char *summary;  /* one line for the global usage */
	const char *help;     /* options and details, may be "" */
};

static const struct cli_cmd cli_cmds[] = {
	{ "init", cli_admin_init, "",
	  N_("membuat basis data (jalurnya dicetak)"),
	  N_("Membuat basis data baru dan memuat bagan jabatan serta pegawai dari data/.\n"
	     "Pengguna yang menjalankannya menjadi admin. Bila basis data sudah ada,\n"
	     "tidak ada yang diubah.\n") },
	{ "add", cli_case_add, N_("JENIS isian=nilai..."),
	  N_("mencatat berkas baru; nomor agenda dicetak"),
	  N_("Mencatat berkas baru jenis JENIS (mis. surat_masuk). Setiap isian diberikan\n"
	     "sebagai kunci=nilai (nilai boleh memuat '='); tanggal DD-MM-YYYY. Isian yang\n"
	     "tidak diberikan memakai nilai bawaan formulir. Nomor agenda yang diberikan\n"
	     "dicetak pada stdout.\n"
	     "Contoh: berkas add surat_masuk asal_surat='Bappeda' nomor_surat=005/12\n"
	     "        tanggal_surat=27-02-2026 perihal='Undangan rapat'\n") },
	{ "list", cli_case_list,
	  N_("[--kind JENIS] [--view saya|belum|terlambat|semua] [--search TEKS]\n"
	     "       [--filter EKSPRESI] [--sort diterima|nomor|batas|asal] [--limit N]\n"
	     "       [--format table|csv]"),
	  N_("daftar berkas"),
	  N_("  --kind JENIS      hanya berkas jenis ini\n"
	     "  --view V          saya (kotak masuk saya), belum (belum didisposisi),\n"
	     "                    terlambat, semua (bawaan)\n"
	     "  --search TEKS     cari kata pada nomor, perihal, asal, nomor surat, isi\n"
	     "  --filter EKSPRESI sifat=Rahasia, urgensi=Segera, penting=P, status=selesai,\n"
	     "                    tahun=2026, atau teks pada asal/perihal\n"
	     "  --sort S          diterima (bawaan), nomor, batas, asal\n"
	     "  --limit N         paling banyak N baris (bawaan 50; 0 = semua)\n"
	     "  --format F        table (bawaan; lebar $COLUMNS atau 100) atau csv\n"
	     "Tanda di depan nomor: '!' terlambat, '*' jatuh tempo hari ini. BATAS\n"
	     "'berhenti': jam layanan berhenti (menunggu pemohon); berkas itu tidak pernah\n"
	     "terlambat. Di belakang perihal dalam [...]: berkas terkait (surat masuk\n"
	     "sebuah permohonan, atau permohonan yang dibawa surat masuk).\n") },
	{ "show", cli_case_show, N_("NOMOR|ID [--kind JENIS]"),
	  N_("rincian berkas: isian, persyaratan, disposisi, tahapan, riwayat"),
	  N_("NOMOR adalah nomor agenda, dicari pada tahun ini lebih dulu, lalu tahun\n"
	     "sebelumnya; ID adalah pengenal tetap berkas. Selain isian juga dicetak jam\n"
	     "layanan (berjalan, atau berhenti sejak kapan dan berapa hari kerja), koperasi\n"
	     "yang terkait, persyaratan (✓ ada, ✗ belum, dengan catatan, siapa, kapan) dan\n"
	     "berkas terkait: surat masuk yang membawa permohonan, atau permohonan yang\n"
	     "dibawa surat masuk ini.\n"
	     "  --kind JENIS      cari nomor pada jenis ini saja\n") },
	{ "set", cli_case_set, N_("NOMOR|ID [--kind JENIS] isian=nilai..."),
	  N_("mengubah isian berkas"),
	  N_("Mengubah isian berkas dengan pemeriksaan yang sama seperti formulir; nilai\n"
	     "kosong (kunci=) mengosongkan isian. Setiap perubahan dicatat di riwayat.\n"
	     "Isian yang dipetakan ke registri ([registry] di formulir) ditulis juga ke\n"
	     "koperasinya, mis. nomor sertifikat NIK.\n"
	     "  --kind JENIS      cari nomor pada jenis ini saja\n"
	     "Contoh: berkas set 0001/NIK/2026 nomor_sertifikat=NIK-5371-0001\n"
	     "        tanggal_terbit=10-03-2026\n") },
	{ "dispose", cli_dispose_run,
	  N_("NOMOR|ID --to JABATAN[,JABATAN...] [--from JABATAN] [--on-behalf LOGIN]\n"
	     "       [--instruction TEKS]... [--note TEKS] [--deadline DD-MM-YYYY]"),
	  N_("mengirim disposisi"),
	  N_("  --to J,...        jabatan tujuan (kode), di bawah jabatan pengirim\n"
	     "  --from J          jabatan pengirim (bawaan: jabatan saya, atau jabatan\n"
	     "                    pejabat --on-behalf)\n"
	     "  --on-behalf LOGIN mencatat disposisi kertas atas nama pejabat (peran\n"
	     "                    pencatat atau admin)\n"
	     "  --instruction T   butir instruksi dari konfigurasi; boleh diulang\n"
	     "  --note TEKS       catatan\n"
	     "  --deadline TGL    batas waktu (bawaan: menurut urgensi)\n"
	     "Bila jabatan pengirim punya disposisi terbuka pada berkas ini, disposisi\n"
	     "baru meneruskannya.\n") },
	{ "read", cli_dispose_read, N_("NOMOR|ID"),
	  N_("menandai disposisi saya sudah dibaca"),
	  N_("Menandai disposisi terbuka untuk jabatan saya pada berkas ini sudah dibaca.\n") },
	{ "followup", cli_dispose_followup, N_("NOMOR|ID --note TEKS [--on-behalf LOGIN]"),
	  N_("melaporkan tindak lanjut disposisi saya"),
	  N_("  --note TEKS       isi tindak lanjut (wajib)\n"
	     "  --on-behalf LOGIN dicatat atas nama pejabat (peran pencatat atau admin)\n") },
	{ "step", cli_flow_step, N_("NOMOR|ID done|return [--reason TEKS] [--kind JENIS]"),
	  N_("menyelesaikan tahap berkas, atau mengembalikannya (tidak disetujui)"),
	  N_("  done              tahap yang sedang berjalan selesai; tahap berikutnya mulai\n"
	     "                    (tahap terakhir: berkas selesai)\n"
	     "  return            tahap tidak disetujui: berkas kembali ke tahap tujuannya\n"
	     "                    (return_to di formulir); wajib dengan --reason\n"
	     "  --reason TEKS     alasan tidak disetujui (dicatat di riwayat)\n"
	     "  --kind JENIS      cari nomor pada jenis ini saja\n"
	     "Hanya pemegang jabatan pelaksana tahap, pencatat atau admin. Tahap yang\n"
	     "menunggu pemohon (jam layanan berhenti) dan tahap verifikasi baru dapat\n"
	     "selesai bila semua persyaratan wajib sudah ada ('berkas req').\n") },
	{ "req", cli_flow_req, N_("NOMOR|ID [KUNCI [--note TEKS] [--off]] [--kind JENIS]"),
	  N_("daftar persyaratan berkas; mencentang persyaratan"),
	  N_("Tanpa KUNCI: daftar persyaratan (✓ ada, ✗ belum) dengan catatan, siapa dan\n"
	     "kapan. Dengan KUNCI: persyaratan itu dicentang (ada).\n"
	     "  --note TEKS       catatan pada persyaratan\n"
	     "  --off             hapus centang (belum ada)\n"
	     "  --kind JENIS      cari nomor pada jenis ini saja\n"
	     "Bila persyaratan wajib terakhir dicentang selagi berkas menunggu pemohon pada\n"
	     "tahap pendaftaran, tahap itu selesai dan jam layanan berjalan lagi.\n") },
	{ "print", cli_print_run, N_("NOMOR|ID [--sheet disposisi|kartu|pengantar|semua] [-o BERKAS]"),
	  N_("mencetak lembar disposisi, kartu kendali, lembar pengantar"),
	  N_("  --sheet S         disposisi, kartu (kartu kendali, 3 rangkap), pengantar\n"
	     "                    (lembar pengantar), atau semua (bawaan: lembar disposisi\n"
	     "                    ditambah kartu kendali untuk surat Penting atau lembar\n"
	     "                    pengantar untuk surat Biasa)\n"
	     "  -o BERKAS         simpan ke berkas (- untuk stdout), bukan ke perintah cetak\n"
	     "                    ([cetak] perintah)\n") },
	{ "import", cli_koperasi_import,
	  N_("koperasi BERKAS.csv [--map 'Judul=kunci,...']\n"
	     "       [--skip-bad BERKAS] [--update] [--delimiter ';']"),
	  N_("impor daftar koperasi dari CSV"),
	  N_("Kolom dicocokkan menurut judulnya: kunci isian (nik, nama, no_badan_hukum,\n"
	     "wilayah_keanggotaan, ...; lihat 'berkas export koperasi') atau labelnya.\n"
	     "Setiap baris diperiksa dengan aturan yang sama seperti formulir. Bawaan: semua\n"
	     "atau tidak sama sekali; bila ada baris salah tidak ada yang diimpor dan setiap\n"
	     "masalah dicetak sebagai BERKAS:BARIS: KOLOM: 'NILAI': ALASAN.\n"
	     "  --map J=K,...     kolom berjudul J berisi isian K; K '-' mengabaikan kolom\n"
	     "  --skip-bad BERKAS impor baris yang benar; baris yang salah ditulis ke BERKAS\n"
	     "                    dengan kolom baris dan alasan\n"
	     "  --update          baris dengan NIK atau nomor badan hukum yang sudah ada\n"
	     "                    memperbarui koperasi itu (bawaan: dilewati)\n"
	     "  --delimiter C     pemisah ',' atau ';' (bawaan: ditebak dari baris judul)\n"
	     "Kemajuan ditampilkan pada stderr bila stderr adalah terminal.\n") },
	{ "export", cli_koperasi_export_route,
	  N_("JENIS|koperasi [--from DD-MM-YYYY] [--to DD-MM-YYYY]\n"
	     "       [-o BERKAS] [--delimiter ';'] [--bom] [--raw]"),
	  N_("ekspor CSV (mis. buku agenda surat masuk, daftar koperasi)"),
	  N_("  --from TGL        tanggal diterima paling awal\n"
	     "  --to TGL          tanggal diterima paling akhir\n"
	     "  -o BERKAS         tulis ke berkas (bawaan: stdout)\n"
	     "  --delimiter C     pemisah ',' (bawaan) atau ';' (Excel berbahasa Indonesia)\n"
	     "  --bom             awali dengan BOM UTF-8\n"
	     "  --raw             jangan netralkan sel yang diawali = + - @\n"
	     "'export koperasi' menulis daftar koperasi (judul = kunci isian, urut nama)\n"
	     "yang dibaca kembali oleh 'import koperasi' tanpa perubahan; --from dan --to\n"
	     "tidak berlaku untuknya.\n") },
	{ "demo", cli_admin_demo, N_("[--letters N] [--koperasi N] [--layanan N] [--seed S]"),
	  N_("menambah surat, koperasi dan berkas layanan contoh"),
	  N_("  --letters N       jumlah surat masuk contoh\n"
	     "  --koperasi N      jumlah koperasi contoh (KSP Kopdit, KUD, KPRI, ... di\n"
	     "                    kabupaten/kota NTT)\n"
	     "  --layanan N       jumlah berkas layanan koperasi contoh (sertifikat NIK,\n"
	     "                    buku RAT, user ODS, legalitas, pendirian, izin USP,\n"
	     "                    kantor kas) untuk koperasi di registri, diterima dalam\n"
	     "                    200 hari terakhir, dalam segala keadaan: menunggu\n"
	     "                    pemohon, dikembalikan, terlambat, selesai, diteruskan;\n"
	     "                    sebagian dibawa surat masuk (ikut ditambahkan)\n"
	     "  --seed S          benih acak (bawaan 1); hasil sama untuk benih yang sama\n"
	     "Paling sedikit satu dari --letters, --koperasi dan --layanan; boleh\n"
	     "digabung. Koperasi dari --koperasi dibuat lebih dulu, bertanggal sebelum\n"
	     "berkas layanan pertama.\n") },
	{ "backup", cli_admin_backup, N_("BERKAS"),
	  N_("mencadangkan basis data"),
	  N_("Menyalin basis data ke BERKAS dengan API backup SQLite; aman selagi orang\n"
	     "lain bekerja.\n") },
	{ "user", cli_admin_user,
	  N_("list | add LOGIN --name NAMA --jabatan JABATAN [--nip NIP] [--roles PERAN]"),
	  N_("daftar dan tambah pengguna"),
	  N_("  list              daftar pengguna\n"
	     "  add LOGIN         tambah atau ubah pengguna (peran admin)\n"
	     "  --name NAMA       nama lengkap\n"
	     "  --jabatan J       kode jabatan\n"
	     "  --nip NIP         NIP\n"
	     "  --roles R         peran, dipisah koma: admin, pencatat\n") },
	{ "check", cli_admin_check, "",
	  N_("memeriksa formulir, data dan konfigurasi"),
	  N_("Memuat config.ini, forms/*.ini dan data/*.csv (dan basis data bila ada) lalu\n"
	     "mencetak \"ok\" atau setiap masalah, satu per baris.\n") },
	{ "koperasi", cli_koperasi_run,
	  N_("list [--search TEKS] [--filter EKSPRESI]\n"
	     "       [--sort nama|rat|diubah] [--limit N] [--format table|csv]\n"
	     "   atau: berkas koperasi show NIK|ID|NO_BADAN_HUKUM\n"
	     "   atau: berkas koperasi add isian=nilai..."),
	  N_("daftar koperasi: list, show, add"),
	  N_("  list              daftar koperasi (kolom NIK, NAMA, BADAN HUKUM, KAB/KOTA,\n"
	     "                    GRADE, RAT, STATUS)\n"
	     "  --search TEKS     kata pada nama, kelurahan, kecamatan, pengurus; awal NIK;\n"
	     "                    atau bagian nomor badan hukum\n"
	     "  --filter EKSPRESI kabkota=Ende, wilayah=provinsi, bentuk, jenis, kelompok=KUD,\n"
	     "                    skala, grade=A, status=aktif, status_nik, atau teks pada\n"
	     "                    nama/nomor badan hukum\n"
	     "  --sort S          nama (bawaan), rat (RAT terakhir), diubah (terbaru dulu)\n"
	     "  --limit N         paling banyak N baris (bawaan 50; 0 = semua)\n"
	     "  --format F        table (bawaan; lebar $COLUMNS atau 100) atau csv\n"
	     "  show X            semua isian, kantor yang melayani sertifikat NIK, riwayat;\n"
	     "                    X adalah NIK, ID atau nomor badan hukum\n"
	     "  add K=V...        mencatat koperasi; isian seperti kolom 'export koperasi'\n"
	     "                    (nama wajib; tanggal DD-MM-YYYY); ID baru dicetak\n"
	     "Contoh: berkas koperasi add nama='KSP Kopdit Swasti Sari' kabkota='Kota Kupang'\n"
	     "        nik=5371010203040001 wilayah_keanggotaan=provinsi\n") },
};

#define CLI_NCMDS (sizeof cli_cmds / sizeof cli_cmds[0])

static const struct cli_cmd *cli_cmd_find(const char *name)
{
	for (size_t i = 0; i < CLI_NCMDS; i++)
		if (strcmp(cli_cmds[i].name, name) == 0)
			return &cli_cmds[i];
	return NULL;
}

void cli_usage(FILE *fp)
{
	fprintf(fp, _("Pemakaian: berkas [--db BERKAS] [--config BERKAS] [--help] [--version]\n"
		      "                 [SUBPERINTAH ...]\n\n"
		      "Tanpa subperintah, berkas membuka tampilan layar penuh (TUI).\n\n"
		      "Opsi:\n"
		      "  --db BERKAS      basis data (bawaan: $BERKAS_DB atau\n"
		      "                   $XDG_DATA_HOME/berkas/berkas.db)\n"
		      "  --config BERKAS  konfigurasi (bawaan: $XDG_CONFIG_HOME/berkas/config.ini)\n"
		      "  -h, --help       tampilkan bantuan ini\n"
		      "  --version        tampilkan versi\n\n"
		      "Subperintah:\n"));
	for (size_t i = 0; i < CLI_NCMDS; i++)
		fprintf(fp, "  %-10s %s\n", cli_cmds[i].name, _(cli_cmds[i].summary));
	fprintf(fp, _("\n'berkas SUBPERINTAH --help' menampilkan bantuan tiap subperintah.\n"));
}

void cli_cmd_usage(const struct cli_ctx *c, FILE *fp)
{
	const struct cli_cmd *cmd = cli_cmd_find(c->cmd);
	char *summary;

	if (cmd == NULL)
		return;
	fprintf(fp, _("Pemakaian: berkas %s%s%s\n"), cmd->name, cmd->synopsis[0] ? " " : "",
		cmd->synopsis[0] ? _(cmd->synopsis) : "");
	summary = xstrdup(_(cmd->summary));
	if (summary[0] >= 'a' && summary[0] <= 'z')
		summary[0] = (char)(summary[0] - 'a' + 'A');
	fprintf(fp, "%s.\n", summary);
	free(summary);
	if (cmd->help[0])
		fprintf(fp, "\n%s", _(cmd->help));
}

void cli_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("berkas: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_errors(const struct errs *e)
{
	for (size_t i = 0; i < e->n; i++) {
		char *s = str_sanitize(e->msg[i], 1);
		cli_error("%s", s);
		free(s);
	}
}

void cli_errors_or(const struct errs *e, const char *fallback)
{
	if (e->n == 0)
		cli_error("%s", fallback);
	cli_errors(e);
}

void cli_cause(char *cause, const char *fallback)
{
	char *s = str_sanitize(cause ? cause : fallback, 1);

	cli_error("%s", s);
	free(s);
	free(cause);
}

int cli_usage_error(const struct cli_ctx *c, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("berkas: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cli_cmd_usage(c, stderr);
	return CLI_USAGE;
}

static void cli_opt_push(struct cli_opt *o, const char *v)
{
	o->vals = xreallocarray(o->vals, (size_t)o->n + 1, sizeof *o->vals);
	o->vals[o->n++] = v;
}

int cli_parse(const struct cli_ctx *c, int argc, char **argv, struct cli_opt *opts,
	      char ***pos, size_t *npos)
{
	int only_pos = 0;

	*pos = xcalloc((size_t)argc + 1, sizeof **pos);
	*npos = 0;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i], *val = NULL;
		struct cli_opt *o = NULL;
		size_t nlen;

		if (only_pos || arg[0] != '-' || arg[1] == '\0') {
			(*pos)[(*npos)++] = argv[i];
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_pos = 1;
			continue;
		}
		if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			cli_cmd_usage(c, stdout);
			return CLI_HELP;
		}
		if (arg[1] == '-') {
			const char *eq = strchr(arg + 2, '=');

			nlen = eq ? (size_t)(eq - (arg + 2)) : strlen(arg + 2);
			for (struct cli_opt *p = opts; p->name != NULL; p++)
				if (strlen(p->name) == nlen && strncmp(p->name, arg + 2, nlen) == 0)
					o = p;
			if (o == NULL)
				return cli_usage_error(c, _("opsi tidak dikenal: %.*s"),
						       (int)(nlen + 2), arg);
			if (eq != NULL) {
				if (!o->has_arg)
					return cli_usage_error(c, _("opsi --%s tidak memakai nilai"),
							       o->name);
				val = eq + 1;
			}
		} else {
			for (struct cli_opt *p = opts; p->name != NULL; p++)
				if (p->short_name != 0 && p->short_name == arg[1])
					o = p;
			if (o == NULL || arg[2] != '\0')
				return cli_usage_error(c, _("opsi tidak dikenal: %s"), arg);
		}
		if (o->has_arg && val == NULL) {
			if (i + 1 >= argc)
				return cli_usage_error(c, _("opsi %s memerlukan nilai"), arg);
			val = argv[++i];
		}
		cli_opt_push(o, o->has_arg ? val : "");
	}
	return 0;
}

void cli_opts_free(struct cli_opt *opts)
{
	for (struct cli_opt *p = opts; p->name != NULL; p++) {
		free(p->vals);
		p->vals = NULL;
		p->n = 0;
	}
}

const char *cli_opt_last(const struct cli_opt *o)
{
	return o->n > 0 ? o->vals[o->n - 1] : NULL;
}

int cli_open(const struct cli_ctx *c, struct app *a, int create)
{
	struct errs e;
	char *path = c->db ? xstrdup(c->db) : app_default_db();

	memset(a, 0, sizeof *a);
	if (!create && access(path, F_OK) != 0) {
		cli_error(_("basis data tidak ada: %s (buat dengan 'berkas init')"), path);
		free(path);
		return -1;
	}
	errs_init(&e);
	if (app_open(a, path, c->config, create, &e) != 0) {
		if (e.n == 0)
			cli_error(_("tidak dapat membuka %s"), path);
		cli_errors(&e);
		errs_free(&e);
		free(path);
		return -1;
	}
	errs_free(&e);
	free(path);
	return 0;
}

/* 1 if s has the shape of a case id (UUID text). */
static int cli_is_id(const char *s)
{
	if (strlen(s) != 36)
		return 0;
	for (int i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return 0;
		} else if (strchr("0123456789abcdefABCDEF", s[i]) == NULL || s[i] == '\0') {
			return 0;
		}
	}
	return 1;
}

int cli_find_case(struct app *a, const char *ref, const char *kind, struct case_rec *out)
{
	int r, y, m, d;

	memset(out, 0, sizeof *out);
	if (kind != NULL && kindset_find(&a->kinds, kind) == NULL) {
		cli_error(_("jenis tidak dikenal: %s"), kind);
		return -1;
	}
	if (cli_is_id(ref)) {
		r = store_case_get(a->st, ref, out);
	} else {
		date_to_ymd(clock_today(), &y, &m, &d);
		r = store_case_find(a->st, kind, ref, y, out);
		if (r == 0) {
			case_clear(out);
			memset(out, 0, sizeof *out);
			r = store_case_find(a->st, kind, ref, 0, out);
		}
	}
	if (r == 1)
		return 0;
	if (r == 0) {
		char *s = str_sanitize(ref, 1);
		cli_error(_("berkas tidak ditemukan: %s"), s);
		free(s);
	} else {
		cli_error(_("gagal membaca basis data"));
	}
	case_clear(out);
	memset(out, 0, sizeof *out);
	return -1;
}

void cli_close_case(struct app *a, struct case_rec *r)
{
	case_clear(r);
	app_close(a);
}

int cli_open_case(const struct cli_ctx *c, struct app *a, const char *ref, const char *kind,
		  struct case_rec *r, const struct kind **k)
{
	if (cli_open(c, a, 0) != 0)
		return -1;
	if (cli_find_case(a, ref, kind, r) != 0) {
		app_close(a);
		return -1;
	}
	if (k != NULL && (*k = kindset_find(&a->kinds, r->kind)) == NULL) {
		cli_error(_("jenis berkas %s tidak ada di forms/"), r->kind);
		cli_close_case(a, r);
		return -1;
	}
	return 0;
}

int cli_one_ref(const struct cli_ctx *c, size_t npos)
{
	if (npos == 1)
		return 0;
	return cli_usage_error(c, npos ? _("terlalu banyak argumen") : _("NOMOR atau ID belum diberikan"));
}

int cli_assignment(const struct cli_ctx *c, const char *arg, char **key, const char **val)
{
	const char *eq = strchr(arg, '=');

	if (eq == NULL || eq == arg) {
		char *s = str_sanitize(arg, 1);
		int rc = cli_usage_error(c, _("isian harus berbentuk kunci=nilai: '%s'"), s);

		free(s);
		return rc;
	}
	*key = xstrndup(arg, (size_t)(eq - arg));
	*val = eq + 1;
	return 0;
}

int cli_assignment_twice(const struct cli_ctx *c, const char *key)
{
	char *s = str_sanitize(key, 1);
	int rc = cli_usage_error(c, _("isian %s diberikan lebih dari sekali"), s);

	free(s);
	return rc;
}

int cli_list_opts(const struct cli_ctx *c, const struct cli_opt *limit,
		  const struct cli_opt *format, long *n, int *csv)
{
	const char *v;

	if ((v = cli_opt_last(limit)) != NULL && (*n = cli_number_arg(v)) < 0)
		return cli_usage_error(c, _("--limit: bukan bilangan: '%s'"), v);
	if ((v = cli_opt_last(format)) != NULL) {
		if (strcmp(v, "csv") == 0)
			*csv = 1;
		else if (strcmp(v, "table") != 0)
			return cli_usage_error(c, _("--format: nilai tidak dikenal '%s' (table, csv)"), v);
	}
	return 0;
}

int cli_page_want(long limit, long shown, int page)
{
	if (limit > 0 && limit - shown < page)
		return (int)(limit - shown);
	return page;
}

int cli_delim_arg(const char *v, char *d)
{
	if (v == NULL)
		return 0;
	if (strcmp(v, ";") == 0)
		*d = ';';
	else if (strcmp(v, ",") == 0)
		*d = ',';
	else
		return -1;
	return 0;
}

int cli_date_arg(const char *opt, const char *s, char iso[11])
{
	day_t d;

	if (date_parse_dmy(s, &d) != 0) {
		char *t = str_sanitize(s, 1);
		cli_error(_("%s: tanggal tidak valid '%s' (DD-MM-YYYY)"), opt, t);
		free(t);
		return -1;
	}
	date_fmt_iso(d, iso);
	return 0;
}

long cli_number_arg(const char *s)
{
	char *end;
	long v;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0)
		return -1;
	return v;
}

int cli_position_exists(struct app *a, const char *code)
{
	struct position *p;
	size_t n;
	int found = 0;

	if (store_positions(a->st, &p, &n) != 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i].code, code) == 0)
			found = 1;
	positions_free(p, n);
	return found;
}

int cli_run(int argc, char **argv, const char *db, const char *config)
{
	const struct cli_cmd *cmd;
	struct cli_ctx c;
	int rc;

	if (argc < 1) {
		cli_usage(stderr);
		return CLI_USAGE;
	}
	cmd = cli_cmd_find(argv[0]);
	if (cmd == NULL) {
		char *s = str_sanitize(argv[0], 1);
		cli_error(_("subperintah tidak dikenal: %s"), s);
		free(s);
		cli_usage(stderr);
		return CLI_USAGE;
	}
	c.cmd = cmd->name;
	c.db = db;
	c.config = config;
	rc = cmd->fn(&c, argc, argv);
	if (rc == CLI_HELP)
		rc = CLI_OK;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error(_("gagal menulis keluaran: %s"), strerror(errno));
		if (rc == CLI_OK)
			rc = CLI_ERR;
	}
	return rc;
}
