/* help.c: modal box listing the keys of the screen it was opened from. */
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"

/* One line of help: key and what it does; key NULL makes text a heading. */
struct help_item {
	const char *key;
	const char *text;
};

static const struct help_item help_inbox[] = {
	{ NULL, N_("Kotak masuk") },
	{ N_("j k, panah"), N_("pindah baris") },
	{ "PgDn PgUp", N_("halaman berikut / sebelumnya") },
	{ "g G", N_("awal / akhir daftar") },
	{ "Enter", N_("buka berkas") },
	{ "Tab", N_("tampilan berikutnya") },
	{ "1 2 3 4", N_("Untuk saya, Belum didisposisi, Terlambat, Semua") },
	{ "/  F4", N_("cari (kosong: hapus pencarian)") },
	{ "l", N_("batasi, mis. sifat=Rahasia, urgensi=Segera, penting=P") },
	{ "o O", N_("urutan berikutnya / balik urutan") },
	{ "J", N_("tampilkan satu jenis berkas (atau semua jenis)") },
	{ "a  F2", N_("berkas baru: pilih jenis, lalu isian") },
	{ "d  F3", N_("disposisi surat terpilih") },
	{ "p  F6", N_("cetak lembar disposisi / kartu kendali") },
	{ "K  F7", N_("registri koperasi") },
	{ "F5", N_("segarkan") },
	{ "Ctrl-L", N_("gambar ulang layar") },
	{ "q  F10", N_("keluar") },
	{ NULL, N_("Tanda") },
	{ "!", N_("melewati batas waktu") },
	{ "*", N_("jatuh tempo hari ini") },
	{ N_("berhenti"), N_("di kolom Batas: jam layanan berhenti (menunggu pemohon)") },
	{ "[...]", N_("di Perihal: berkas terkait (permohonan yang dibawa surat, atau suratnya)") },
	{ "NIK KAS ...", N_("di Sf/Urg: jenis berkas yang bukan surat") },
};

static const struct help_item help_case[] = {
	{ NULL, N_("Berkas") },
	{ N_("j k, panah"), N_("gulir satu baris") },
	{ "PgDn PgUp Spasi", N_("gulir satu halaman") },
	{ "g G", N_("awal / akhir") },
	{ "Enter", N_("buka baris bersorot (koperasi, berkas terkait); di tempat lain gulir") },
	{ "Tab S-Tab", N_("sorot koperasi / berkas terkait berikut / sebelumnya") },
	{ "d  F3", N_("disposisi (meneruskan disposisi saya bila ada)") },
	{ "r", N_("tandai disposisi saya sudah dibaca") },
	{ "f", N_("laporkan tindak lanjut disposisi saya") },
	{ "e", N_("ubah isian berkas") },
	{ "p  F6", N_("cetak") },
	{ "s", N_("persyaratan: daftar periksa") },
	{ "t", N_("tahap sekarang selesai (ditanya dulu)") },
	{ "x", N_("tidak disetujui: kembalikan tahap, dengan alasan") },
	{ "o", N_("buka berkas terkait (surat / permohonan)") },
	{ "K", N_("buka data koperasi berkas ini") },
	{ "F5", N_("segarkan") },
	{ "q  Esc", N_("kembali ke kotak masuk") },
	{ NULL, N_("Tanda > pada Tahapan: tahap sekarang.") },
};

static const struct help_item help_reqs[] = {
	{ NULL, N_("Persyaratan") },
	{ N_("j k, panah"), N_("pindah") },
	{ N_("Spasi  Enter"), N_("centang (dengan catatan bila perlu) / hapus centang") },
	{ "n", N_("ubah catatan") },
	{ "g G", N_("awal / akhir") },
	{ "F5", N_("segarkan") },
	{ "q  Esc", N_("kembali ke berkas") },
	{ NULL, N_("Bila persyaratan wajib lengkap, tahap yang menunggu pemohon") },
	{ NULL, N_("selesai dan jam layanan berjalan lagi.") },
};

static const struct help_item help_form[] = {
	{ NULL, N_("Isian") },
	{ N_("Tab, Enter, bawah"), N_("isian berikutnya") },
	{ N_("Shift-Tab, atas"), N_("isian sebelumnya") },
	{ "Enter  F4", N_("pilih dari daftar (isian pilihan)") },
	{ "Enter  F4", N_("isian Koperasi: cari di registri (nama atau NIK)") },
	{ N_("kiri kanan Home End"), N_("gerak di dalam isian") },
	{ "Backspace Del", N_("hapus huruf") },
	{ "F2  Ctrl-S", N_("simpan") },
	{ "Esc  F10", N_("batal") },
	{ NULL, N_("Tanggal ditulis DD-MM-YYYY.") },
};

static const struct help_item help_dispo[] = {
	{ NULL, N_("Disposisi") },
	{ "Tab Shift-Tab", N_("bagian berikut / sebelumnya") },
	{ N_("atas bawah"), N_("pindah dalam daftar") },
	{ "Spasi", N_("pilih / batal pilih") },
	{ N_("kiri kanan"), N_("atas nama pejabat (pencatat)") },
	{ "F2  Ctrl-S", N_("kirim disposisi") },
	{ "Esc", N_("batal") },
	{ NULL, N_("Batas waktu ditulis DD-MM-YYYY.") },
};

static const struct help_item help_picker[] = {
	{ NULL, N_("Pilihan") },
	{ N_("ketik"), N_("saring menurut kode atau nama") },
	{ N_("atas bawah PgUp PgDn"), N_("pindah") },
	{ "Enter", N_("pilih") },
	{ "Esc", N_("batal") },
};

static const struct help_item help_print[] = {
	{ NULL, N_("Cetak") },
	{ "1", N_("lembar disposisi") },
	{ "2", N_("kartu kendali (P) / lembar pengantar (B)") },
	{ "3", N_("semua lembar") },
	{ "Enter", N_("kirim ke pencetak") },
	{ "s", N_("simpan ke berkas") },
	{ "Esc q", N_("batal") },
};

/* The cooperative registry: list, cooperative screen, import result. */
static const struct help_item help_koperasi[] = {
	{ NULL, N_("Registri Koperasi") },
	{ N_("j k, panah"), N_("pindah baris") },
	{ "PgDn PgUp", N_("halaman berikut / sebelumnya") },
	{ "g G", N_("awal / akhir daftar") },
	{ "Enter", N_("buka koperasi: data, berkas, riwayat") },
	{ "/  F4", N_("cari nama, pengurus, NIK, nomor badan hukum") },
	{ "l", N_("batasi, mis. kabkota=Ende, grade=A, status=aktif") },
	{ "o O", N_("urutan (nama, RAT terakhir, diubah) / balik") },
	{ "a  F2", N_("koperasi baru") },
	{ "e  F3", N_("ubah koperasi terpilih") },
	{ "i  F6", N_("impor CSV, dengan laporan baris salah") },
	{ "F5", N_("segarkan") },
	{ "q  F10", N_("kembali ke kotak masuk") },
	{ NULL, N_("Tanda") },
	{ "x", N_("koperasi tidak aktif") },
};

static const struct help_item help_kopview[] = {
	{ NULL, N_("Koperasi") },
	{ N_("j k, panah"), N_("gulir satu baris") },
	{ "PgDn PgUp Spasi", N_("gulir satu halaman") },
	{ "g G", N_("awal / akhir") },
	{ "Tab Shift-Tab", N_("pilih berkas berikut / sebelumnya") },
	{ "Enter", N_("buka berkas terpilih") },
	{ "e  F3", N_("ubah data koperasi") },
	{ "F5", N_("segarkan") },
	{ "q  Esc", N_("kembali ke registri") },
};

static const struct help_item help_kopimport[] = {
	{ NULL, N_("Hasil impor") },
	{ N_("j k, panah"), N_("gulir satu baris") },
	{ "PgDn PgUp Spasi", N_("gulir satu halaman") },
	{ "g G", N_("awal / akhir") },
	{ "q  Enter  Esc", N_("tutup, kembali ke registri") },
	{ NULL, N_("Baris salah disebut dengan nomor baris dan kolomnya.") },
};

static const struct help_item help_general[] = {
	{ NULL, N_("Umum") },
	{ "?  F1", N_("bantuan") },
	{ "q", N_("kembali / keluar") },
	{ "Ctrl-L", N_("gambar ulang layar") },
};

struct help {
	const struct help_item *items;
	size_t                  n;
	const char             *title;
	int                     top; /* first line shown (of the wrapped help) */
};

#define HELP_N(a) (sizeof(a) / sizeof((a)[0]))

/* Width of the key column. */
static int help_kw(const struct help *h)
{
	int kw = 0;
	for (size_t i = 0; i < h->n; i++)
		if (h->items[i].key != NULL && str_width(_(h->items[i].key)) > kw)
			kw = str_width(_(h->items[i].key));
	return kw > 20 ? 20 : kw;
}

static int help_box_w(void)
{
	return COLS - 4 < 72 ? COLS - 4 : 72;
}

/* Item i's text wrapped to its column in a box bw wide (a heading spans the
 * box); free with ui_lines_free. */
static char **help_wrap(const struct help *h, size_t i, int bw, size_t *n)
{
	const struct help_item *it = &h->items[i];
	int tw = it->key == NULL ? bw - 4 : bw - help_kw(h) - 8;
	return ui_wrap(_(it->text), tw > 10 ? tw : 10, n);
}

/* Lines of the whole help in a box bw wide. */
static int help_lines(const struct help *h, int bw)
{
	int total = 0;
	for (size_t i = 0; i < h->n; i++) {
		size_t n;
		char **l = help_wrap(h, i, bw, &n);
		ui_lines_free(l, n);
		total += (int)n;
	}
	return total;
}

/* Box geometry for the current size. */
static void help_geometry(const struct help *h, int *y, int *x, int *bh, int *bw)
{
	*bw = help_box_w();
	*bh = help_lines(h, *bw) + 4;
	if (*bh > LINES - 2)
		*bh = LINES - 2;
	*y = (LINES - *bh) / 2;
	*x = (COLS - *bw) / 2;
}

static int help_body(const struct help *h)
{
	int y, x, bh, bw;
	help_geometry(h, &y, &x, &bh, &bw);
	return bh - 4;
}

/* The last first line: the end of the help on screen. */
static int help_max_top(const struct help *h)
{
	int max = help_lines(h, help_box_w()) - help_body(h);
	return max > 0 ? max : 0;
}

static void help_draw(struct screen *s)
{
	struct help *h = s->state;
	int y, x, bh, bw;
	help_geometry(h, &y, &x, &bh, &bw);
	ui_box(y, x, bh, bw, _(h->title));
	int body = bh - 4;
	int kw = help_kw(h);
	int line = 0; /* line of the whole help */
	for (size_t i = 0; i < h->n && line < h->top + body; i++) {
		const struct help_item *it = &h->items[i];
		size_t n;
		char **l = help_wrap(h, i, bw, &n);
		for (size_t j = 0; j < n; j++, line++) {
			int ly = y + 2 + line - h->top;
			if (line < h->top || line >= h->top + body)
				continue;
			if (it->key == NULL) {
				ui_put_attr(ly, x + 2, bw - 4, l[j], A_BOLD, CP_NORMAL);
				continue;
			}
			if (j == 0)
				ui_put_attr(ly, x + 4, kw, _(it->key), A_BOLD, CP_NORMAL);
			ui_put(ly, x + 4 + kw + 2, bw - kw - 8, l[j]);
		}
		ui_lines_free(l, n);
	}
	const char *foot = help_lines(h, bw) > body ? _("j/k gulir, q tutup") : _("q tutup");
	ui_put(y + bh - 1, x + bw - 2 - str_width(foot) - 1, str_width(foot) + 1, foot);
}

static int help_key(struct screen *s, int is_key, wint_t ch)
{
	struct help *h = s->state;
	int max = help_max_top(h);
	if (is_key) {
		switch (ch) {
		case KEY_DOWN:  if (h->top < max) h->top++; return H_DONE;
		case KEY_UP:    if (h->top > 0) h->top--; return H_DONE;
		case KEY_NPAGE: h->top = max; return H_DONE;
		case KEY_PPAGE: h->top = 0; return H_DONE;
		case KEY_F(1): case KEY_F(10): return H_POP;
		default:        return H_DONE; /* a modal keeps other keys */
		}
	}
	switch (ch) {
	case 'j': if (h->top < max) h->top++; return H_DONE;
	case 'k': if (h->top > 0) h->top--; return H_DONE;
	case 'q': case 27: case '?': case '\n': case '\r':
		return H_POP;
	default:
		return H_DONE;
	}
}

static void help_resize(struct screen *s)
{
	struct help *h = s->state;
	if (h->top > help_max_top(h))
		h->top = help_max_top(h);
}

static void help_free(struct screen *s)
{
	free(s->state);
}

static const struct screen_ops help_ops = {
	.name   = "help",
	.draw   = help_draw,
	.key    = help_key,
	.resize = help_resize,
	.resume = NULL,
	.free   = help_free,
	.fkeys  = N_("q Tutup  j/k Gulir"),
};

/* Help for context: "inbox", "case", "form", "dispo"/"disposisi", "picker",
 * "print", "koperasi", "kopview", "kopimport", "kopform"; anything else gets
 * the general keys. */
struct screen *help_screen_new(const char *context)
{
	struct help *h = xcalloc(1, sizeof *h);
	const char *c = context ? context : "";
	if (strcmp(c, "inbox") == 0) {
		h->items = help_inbox;
		h->n = HELP_N(help_inbox);
	} else if (strcmp(c, "case") == 0 || strncmp(c, "berkas", 6) == 0) {
		h->items = help_case;
		h->n = HELP_N(help_case);
	} else if (strncmp(c, "form", 4) == 0 || strncmp(c, "isian", 5) == 0) {
		h->items = help_form;
		h->n = HELP_N(help_form);
	} else if (strncmp(c, "dispo", 5) == 0) {
		h->items = help_dispo;
		h->n = HELP_N(help_dispo);
	} else if (strcmp(c, "reqs") == 0 || strncmp(c, "persyaratan", 11) == 0) {
		h->items = help_reqs;
		h->n = HELP_N(help_reqs);
	} else if (strncmp(c, "pick", 4) == 0) {
		h->items = help_picker;
		h->n = HELP_N(help_picker);
	} else if (strcmp(c, "koperasi") == 0) {
		h->items = help_koperasi;
		h->n = HELP_N(help_koperasi);
	} else if (strcmp(c, "kopview") == 0) {
		h->items = help_kopview;
		h->n = HELP_N(help_kopview);
	} else if (strcmp(c, "kopimport") == 0) {
		h->items = help_kopimport;
		h->n = HELP_N(help_kopimport);
	} else if (strcmp(c, "kopform") == 0) {
		h->items = help_form; /* the cooperative form has the case form's keys */
		h->n = HELP_N(help_form);
	} else if (strncmp(c, "print", 5) == 0 || strncmp(c, "cetak", 5) == 0) {
		h->items = help_print;
		h->n = HELP_N(help_print);
	} else {
		h->items = help_general;
		h->n = HELP_N(help_general);
	}
	h->title = N_("Bantuan");
	return ui_screen_new(&help_ops, h, 1);
}
