/* kind.h: case kinds defined by forms/<kind>.ini: fields, requirements, steps, numbering. */
#ifndef BERKAS_KIND_H
#define BERKAS_KIND_H

#include <stddef.h>
#include <regex.h>
#include "util.h"
#include "refdata.h"

/* FT_KOPERASI: the registry id or NIK of a cooperative, stored as trimmed text;
 * the store checks it against the registry (the loader only accepts the type). */
enum ftype { FT_TEXT, FT_LONGTEXT, FT_DATE, FT_NUMBER, FT_CHOICE, FT_MULTI, FT_REF,
	     FT_KOPERASI };

/* Which common case column a field feeds (lists, search, deadlines).
 * FR_KOPERASI: the cooperative the case belongs to (a koperasi field). */
enum frole { FR_NONE, FR_NUMBER, FR_RECEIVED, FR_PARTY, FR_SUBJECT, FR_LETTER_NO,
	     FR_SECURITY, FR_URGENCY, FR_PENTING, FR_KOPERASI };

struct kfield {
	char          *key;        /* section [field.KEY]; lower case */
	char          *label;      /* label = ... (required) */
	char          *help;       /* help = ... */
	enum ftype     type;       /* type = text|longtext|date|number|choice|multi|ref|koperasi */
	enum frole     role;       /* role = number|received|party|subject|letter_no|security|
				      urgency|penting|koperasi */
	int            required;   /* required = yes|no */
	int            auto_number;/* the office number; assigned on save, not typed */
	int            min_len, max_len; /* characters; max_len default 200 text, 4000
					    longtext, 100 koperasi */
	long           min, max;   /* numbers; has_min/has_max */
	int            has_min, has_max;
	char          *pattern;    /* POSIX ERE the whole value must match */
	regex_t        re;         /* compiled pattern, valid when pattern != NULL */
	char          *pattern_msg;/* message when the pattern fails */
	char         **choices;    /* choice/multi: values, "a;b;c" in the file */
	char         **choice_labels; /* optional "P=Penting" -> code P label Penting; NULL entries use code */
	size_t         n_choices;
	char          *list;       /* ref: name of data/<list>.csv */
	struct reflist*ref;        /* loaded list (owned by the kind) */
	char          *defval;     /* default value; "today" for dates means clock_today() */
	int            width;      /* form width hint in columns, 0 = automatic */
};

struct kreq {
	char *key;      /* [requirement.KEY] */
	char *label;
	int   required; /* a case cannot pass verification while a required item is missing */
};

enum tunit { TU_MINUTE, TU_HOUR, TU_WORKDAY };
enum complete_on { CO_MANUAL, CO_REGISTER, CO_DISPOSE, CO_FOLLOWUP };

struct kstep {
	int    no;          /* 1-based, [step.N] */
	char  *actor;       /* position code from data/jabatan.csv, or a role word */
	char  *actor_label; /* text as the SOP names the actor */
	char  *activity;    /* kegiatan */
	char  *output;
	int    std_value;   /* mutu baku, in unit */
	enum tunit unit;
	long   std_minutes; /* mutu baku in working minutes (1 workday = office day) */
	int    return_to;   /* step a "not approved" returns to, 0 = none */
	enum complete_on complete_on; /* complete = register|dispose|followup|manual */
	int    pauses_clock;/* pause = yes: waiting on the applicant */
	char  *when;        /* optional condition "field=value": step applies only then */
};

struct kind_regmap {
	char *kop_field;  /* registry field key, or "rat" */
	char *case_field; /* this kind's field key; NULL for a fixed value */
	char *literal;    /* "= VALUE" in the file: VALUE is written together with
			   * the kind's other [registry] fields, when one of
			   * them is (e.g. status_nik once a certificate is
			   * recorded); NULL otherwise */
};

struct kind {
	char          *key;          /* file stem, e.g. "surat_masuk" */
	char          *title;        /* [kind] title */
	char          *short_title;  /* [kind] short */
	char          *sop;          /* [kind] sop, source reference */
	char          *number_format;/* [numbering] format, "{n}", "{n:04}/{kode}/{yyyy}" */
	int            number_yearly;/* [numbering] reset = yearly|never */
	int            service_days; /* [service] days (working days), 0 = none */
	char          *service_text; /* [service] text */
	struct kfield *fields;       /* in file order */
	size_t         n_fields;
	struct kreq   *reqs;
	size_t         n_reqs;
	struct kstep  *steps;
	size_t         n_steps;
	/* [list] columns = key, key, ...: the inbox columns when the list shows
	 * this kind only. A key is a field key or one of the case columns
	 * "tahap" (current step), "posisi" (holder), "batas_waktu", "status",
	 * "jenis" (kind short title). NULL/0: the default letter columns. */
	char         **columns;
	size_t         n_columns;
	/* [rules]: rules written in C that a kind switches on.
	 * kantor_layanan = yes: the serving office of a NIK certificate request
	 * follows the cooperative's wilayah keanggotaan (koperasi_office); a
	 * request for another office is refused unless forward_field (and
	 * forward_letter_field, the forwarding letter's number) are filled, and
	 * is then recorded as forwarded and closed. */
	int            serving_office;
	char          *forward_field;        /* [rules] diteruskan = field key */
	char          *forward_letter_field; /* [rules] surat_penerusan = field key */
	/* [rules] surat_masuk = field key holding the agenda number of the
	 * incoming letter that brought the request (linked both ways). */
	char          *letter_field;
	/* [registry] koperasi_field = case_field: written to the linked
	 * cooperative whenever the case is saved with case_field filled (history
	 * names the case). The special key rat = case_field records a RAT date
	 * (koperasi_record_rat: tahun_rat, rat_terakhir, grade). */
	struct kind_regmap   *registry;
	size_t         n_registry;
	char          *path;         /* file it came from */
};

struct kindset {
	struct kind **kinds; /* sorted by key */
	size_t        n;
};

/* Loads every forms_dir/<name>.ini. Returns 0, or -1 with every problem of every
 * file in errs ("forms/x.ini: [field.perihal] type: unknown type 'txt'"). */
int  kind_load_dir(const char *forms_dir, const char *data_dir, struct kindset *ks, struct errs *errs);
int  kind_load_file(const char *path, const char *data_dir, struct kind **out, struct errs *errs);
void kind_free(struct kind *k);
void kindset_free(struct kindset *ks);
const struct kind  *kindset_find(const struct kindset *ks, const char *key);
const struct kfield *kind_field(const struct kind *k, const char *key);
const struct kfield *kind_field_by_role(const struct kind *k, enum frole role);
const struct kstep  *kind_step(const struct kind *k, int no);

/* Field values of one case: parallel arrays of key and value, owned. */
struct values {
	char  **key;
	char  **val;
	size_t  n;
	size_t  cap;
};
void        values_init(struct values *v);
void        values_set(struct values *v, const char *key, const char *val); /* replaces */
const char *values_get(const struct values *v, const char *key);          /* NULL if absent */
void        values_free(struct values *v);
/* JSON object text <-> values (SQLite json is used by the store; this is a
 * small writer/reader for flat string objects). */
char       *values_to_json(const struct values *v);
int         values_from_json(const char *json, struct values *v);

/* Checks user input against the kind and rewrites it into stored form:
 * dates DD-MM-YYYY -> YYYY-MM-DD, choices to their canonical spelling, multi
 * as "a;b", numbers canonical, text trimmed; empty optional fields removed;
 * defaults filled for absent fields. Unknown keys are errors. The auto-number
 * field is ignored (the store assigns it). Returns 0, or -1 with one message per
 * bad field in errs, each starting with the field key: "perihal: wajib diisi". */
int  kind_normalize(const struct kind *k, struct values *v, struct errs *errs);
/* Stored value -> display text (dates DD-MM-YYYY); caller frees. */
char *kind_display(const struct kfield *f, const char *stored);
/* Display text naming a code's meaning ("P - Penting"); caller frees. */
char *kind_display_long(const struct kfield *f, const char *stored);
/* Formats the office number: number_format with {n} {n:04} {yyyy} {kode}. */
char *kind_format_number(const struct kind *k, long n, int year, const char *unit_code);

#endif
