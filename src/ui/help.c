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
	{ "a  F2", N_("surat masuk baru") },
	{ "d  F3", N_("disposisi surat terpilih") },
	{ "p  F6", N_("cetak lembar disposisi / kartu kendali") },
	{ "F5", N_("segarkan") },
	{ "Ctrl-L", N_("gambar ulang layar") },
	{ "q  F10", N_("keluar") },
	{ NULL, N_("Tanda") },
	{ "!", N_("melewati batas waktu") },
	{ "*", N_("jatuh tempo hari ini") },
};

static const struct help_item help_case[] = {
	{ NULL, N_("Berkas") },
	{ N_("j k, panah"), N_("gulir satu baris") },
	{ "PgDn PgUp Spasi", N_("gulir satu halaman") },
	{ "g G", N_("awal / akhir") },
	{ "d  F3", N_("disposisi (meneruskan disposisi saya bila ada)") },
	{ "r", N_("tandai disposisi saya sudah dibaca") },
	{ "f", N_("laporkan tindak lanjut disposisi saya") },
	{ "e", N_("ubah isian berkas") },
	{ "p  F6", N_("cetak") },
	{ "F5", N_("segarkan") },
	{ "q  Esc", N_("kembali ke kotak masuk") },
};

static const struct help_item help_form[] = {
	{ NULL, N_("Isian") },
	{ N_("Tab, Enter, bawah"), N_("isian berikutnya") },
	{ N_("Shift-Tab, atas"), N_("isian sebelumnya") },
	{ "Enter  F4", N_("pilih dari daftar (isian pilihan)") },
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
	int                     top; /* first line shown */
};

#define HELP_N(a) (sizeof(a) / sizeof((a)[0]))

/* Box geometry for the current size. */
static void help_geometry(const struct help *h, int *y, int *x, int *bh, int *bw)
{
	*bw = COLS - 4 < 72 ? COLS - 4 : 72;
	*bh = (int)h->n + 4;
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

static void help_draw(struct screen *s)
{
	struct help *h = s->state;
	int y, x, bh, bw;
	help_geometry(h, &y, &x, &bh, &bw);
	ui_box(y, x, bh, bw, _(h->title));
	int body = bh - 4;
	int kw = 0;
	for (size_t i = 0; i < h->n; i++)
		if (h->items[i].key != NULL && str_width(_(h->items[i].key)) > kw)
			kw = str_width(_(h->items[i].key));
	if (kw > 20)
		kw = 20;
	for (int i = 0; i < body && h->top + i < (int)h->n; i++) {
		const struct help_item *it = &h->items[h->top + i];
		int ly = y + 2 + i;
		if (it->key == NULL) {
			ui_put_attr(ly, x + 2, bw - 4, _(it->text), A_BOLD, CP_NORMAL);
			continue;
		}
		ui_put_attr(ly, x + 4, kw, _(it->key), A_BOLD, CP_NORMAL);
		ui_put(ly, x + 4 + kw + 2, bw - kw - 8, _(it->text));
	}
	const char *foot = (int)h->n > body ? _("j/k gulir, q tutup") : _("q tutup");
	ui_put(y + bh - 1, x + bw - 2 - str_width(foot) - 1, str_width(foot) + 1, foot);
}

static int help_key(struct screen *s, int is_key, wint_t ch)
{
	struct help *h = s->state;
	int max = (int)h->n - help_body(h);
	if (max < 0)
		max = 0;
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
	int max = (int)h->n - help_body(h);
	if (h->top > max)
		h->top = max > 0 ? max : 0;
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
 * "print"; anything else gets the general keys. */
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
	} else if (strncmp(c, "pick", 4) == 0) {
		h->items = help_picker;
		h->n = HELP_N(help_picker);
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
