/* config.h: config.ini (iniparser) with defaults; every bad key reported. */
#ifndef BERKAS_CONFIG_H
#define BERKAS_CONFIG_H

#include "util.h"

enum urgency { URG_BIASA, URG_SEGERA, URG_SANGAT_SEGERA, URG_COUNT };

struct config {
	char   *office_name;       /* [kantor] nama */
	char   *unit_code;         /* [kantor] kode_unit, e.g. "DKUKM.NTT" */
	char   *tz_name;           /* [kantor] zona: WIB, WITA or WIT */
	int     utc_offset_min;    /* from zona: 420, 480, 540 */
	int     hours_start_min;   /* [kantor] jam_kerja = 07:30-16:00 */
	int     hours_end_min;
	char   *print_command;     /* [cetak] perintah, default "lp" */
	char  **instructions;      /* [disposisi] instruksi = "a;b;c", owned */
	size_t  n_instructions;
	int     deadline_days[URG_COUNT]; /* [batas_waktu] biasa, segera, sangat_segera (working days) */
	int     color;             /* [tampilan] warna = auto|ya|tidak -> -1, 1, 0 */
	char   *color_overdue;     /* [tampilan] warna_terlambat, curses colour name */
	char   *color_due;         /* [tampilan] warna_jatuh_tempo */
	char   *color_header;      /* [tampilan] warna_judul */
	char   *share_dir;         /* [jalur] data_dan_formulir: folder holding forms/ and data/ */
	char   *path;              /* file this came from, or NULL for defaults */
};

void  config_defaults(struct config *c);
/* Loads path over the defaults. A missing file is not an error. Returns 0, or
 * -1 with one message per bad key in errs ("config.ini: [kantor] zona: ..."). */
int   config_load(const char *path, struct config *c, struct errs *errs);
void  config_free(struct config *c);
/* $XDG_CONFIG_HOME/berkas/config.ini (or ~/.config/...); caller frees. */
char *config_default_path(void);
int   urgency_from_label(const char *label); /* "Biasa"/"Segera"/"Sangat Segera" -> enum, -1 */

#endif
