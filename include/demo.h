/* demo.h: realistic demo data: letters with dispositions in every state, and
 * cooperative service cases in every state (demo_layanan.c). */
#ifndef BERKAS_DEMO_H
#define BERKAS_DEMO_H

#include "app.h"
#include "date.h"

/* Adds n incoming letters spread over the last year up to today, with
 * dispositions in every state, in batched transactions; progress (0..1) is
 * reported through fn when not NULL. Deterministic for a given seed. */
int demo_letters(struct app *a, long n, unsigned seed,
		 void (*progress)(double done, void *ctx), void *ctx, char **cause);

/* An incoming letter that brings a demo service request. demo_letters_with
 * registers it among the demo letters in date order (so agenda numbers follow
 * the dates), by a clerk at day/minute of the program clock; when dispo_day is
 * not 0 the Kepala Dinas disposes it to handler at dispo_day/dispo_minute. */
struct demo_letter {
	day_t       day;          /* received, and registered */
	int         minute;       /* office time, minutes after midnight */
	day_t       letter_day;   /* tanggal surat */
	const char *sender;       /* asal surat */
	const char *letter_no;    /* nomor surat */
	const char *subject;      /* perihal */
	const char *summary;      /* isi ringkas, or NULL */
	const char *code;         /* kode klasifikasi, or NULL */
	const char *index;        /* indeks, or NULL */
	const char *handler;      /* position the letter is disposed to, or NULL */
	const char *note;         /* the disposition's note */
	day_t       dispo_day;    /* 0: not disposed */
	int         dispo_minute;
	char        number[32];   /* out: the agenda number */
	char        id[37];       /* out: the case id */
};

/* demo_letters plus the letters in extra (sorted by day), each registered
 * before the demo letters of a later day. n may be 0. The program clock is
 * the caller's again when it returns. */
int demo_letters_with(struct app *a, long n, unsigned seed, struct demo_letter *extra,
		      size_t nextra, void (*progress)(double done, void *ctx), void *ctx,
		      char **cause);

/* Service cases (demo_layanan.c) are received over this many days up to today. */
#define DEMO_LAYANAN_DAYS 200
/* The day demo cooperatives made for demo_layanan should be registered on:
 * before the first service case (today - DEMO_LAYANAN_DAYS - 7). */
day_t demo_layanan_registry_day(void);

/* Adds n service cases of the cooperative service kinds loaded from forms/
 * (sertifikat_nik, penerimaan_rat, registrasi_ods, legalitas_koperasi,
 * pendirian_koperasi, izin_usp, kantor_kas) for the cooperatives in the
 * registry, received over the last DEMO_LAYANAN_DAYS days, each taken as far
 * as its dates allow through the store's workflow calls with the program
 * clock moved to the time of each action: requirements ticked (some waiting,
 * clock stopped), sent back with a reason, steps done, certificates and RATs
 * written to the registry, NIK requests of kab/kota cooperatives forwarded.
 * Some come with an incoming letter: those letters are registered among
 * `letters` new demo letters (demo_letters_with), and *brought (when not NULL)
 * gets their number. Deterministic for a seed and a given today. The program
 * clock is the caller's again when it returns. */
int demo_layanan(struct app *a, long letters, long n, unsigned seed,
		 void (*progress)(double done, void *ctx), void *ctx, long *brought,
		 char **cause);

/* The program clock (BERKAS_NOW) while demo data is made: save the caller's
 * setting, move it to day at minute (office time), and put the saved one
 * back (restore frees what save kept). */
struct demo_clock {
	char *saved; /* BERKAS_NOW as it was, NULL when unset */
};
void demo_clock_save(struct demo_clock *c);
void demo_clock_at(day_t day, int minute);
void demo_clock_restore(struct demo_clock *c);

#endif
