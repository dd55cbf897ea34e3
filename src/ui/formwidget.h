/* formwidget.h: a libform form of labelled fields on a scrolling pad, shared by the case
 * form (form.c) and the cooperative form (kopform.c): layout at any screen size (rebuilt
 * keeping the typed values), validation messages under their fields, field navigation,
 * pickers, the editing keys, and the save, cancel and "someone saved first" flows. */
#ifndef BERKAS_UI_FORMWIDGET_H
#define BERKAS_UI_FORMWIDGET_H

#include <ncursesw/form.h>
#include "ui.h"
#include "util.h"

/* One labelled field. The owner fills label, required, fixed, value, initial and
 * items; the widget lays out the rest. */
struct fw_slot {
	const char     *label;    /* shown beside the field (translated) */
	int             required; /* the label gets " *" */
	int             fixed;    /* no field: the hint is shown in its place (an auto number) */
	char           *value;    /* text as shown (dates DD-MM-YYYY), owned */
	char           *initial;  /* text when the form opened, owned */
	char           *err;      /* message of the last save, owned, or NULL */
	char           *note;     /* shown under the field when there is no error, owned, or NULL */
	struct refitem *items;    /* picker items of a list field, owned */
	size_t          n_items;
	/* laid out by the widget */
	FIELD          *field;    /* NULL for a fixed slot */
	int             row;      /* first row in the pad */
	int             rows;     /* rows the field takes */
	int             width;    /* columns the field takes */
	char          **note_lines; /* the error, else the note, wrapped */
	size_t          n_note;
};

struct fw_ops {
	/* The field of slot i when avail columns are free: *rows (more than 1: a
	 * word-wrapped multi-line field), *w columns, *dynamic 1 when it may grow
	 * (scroll) past that, up to *grow characters (rows for a multi-line
	 * field; 0: without end). */
	void   (*shape)(void *ctx, size_t i, int avail, int *rows, int *w, int *dynamic,
			int *grow);
	/* Text beside slot i (of a fixed slot: in its place), or NULL. Caller frees. */
	char  *(*hint)(void *ctx, size_t i, int current);
	/* The help line of slot i. Caller frees. */
	char  *(*help)(void *ctx, size_t i);
	/* 1 when slot i is chosen from a list: Enter and F4 then call pick. */
	int    (*is_pick)(void *ctx, size_t i);
	int    (*pick)(void *ctx, size_t i);  /* opens its picker; H_* */
	/* The slot a message "key: reason" is about, or (size_t)-1. */
	size_t (*slot_of)(void *ctx, const char *key);
	int    (*save)(void *ctx);            /* F2, Ctrl-S; H_* */
};

struct fwidget {
	const struct fw_ops *ops;
	void           *ctx;
	struct fw_slot *slot;       /* n slots, in screen order */
	size_t          n;
	int             label_max;  /* widest label column ... */
	int             label_num, label_den; /* ... and at most this share of the screen */
	FIELD         **fields;     /* NULL-terminated, handed to libform */
	size_t         *fslot;      /* form field index -> slot index */
	size_t          nf;
	FORM           *form;       /* NULL when no slot has a field */
	WINDOW         *pad;        /* the fields live here; copied to stdscr */
	int             pad_rows, pad_cols;
	int             lines, cols; /* screen size the form was built for */
	int             label_w;    /* label column width */
	int             field_x;    /* screen column of the fields */
	int             top;        /* first pad row on screen */
	size_t          cur;        /* current slot, kept across rebuilds */
	int             n_err;      /* fields with errors after the last save */
	char           *gen_err;    /* save errors not tied to a field, owned */
	size_t          picking;    /* slot the open picker writes into */
};

/* n empty slots (the owner fills them, then calls fw_build). */
void fw_init(struct fwidget *fw, const struct fw_ops *ops, void *ctx, size_t n,
	     int label_max, int label_num, int label_den);
void fw_free(struct fwidget *fw);     /* the form and everything the slots own */

void fw_build(struct fwidget *fw);    /* lays out the form from the slot values */
void fw_teardown(struct fwidget *fw); /* releases the form (slot values stay) */
void fw_relayout(struct fwidget *fw); /* teardown and build, e.g. after a note changed */
void fw_sync(struct fwidget *fw);     /* copies every field into its slot value */
void fw_rebuild(struct fwidget *fw);  /* sync, teardown and build */

/* Before drawing: rebuilds after a resize and reads the fields (leaving a
 * multi-line field being typed in alone). */
void fw_prepare(struct fwidget *fw);
/* Draws the title, the fields, their labels, hints and messages, the help line
 * and the status "what | isian i/n" (or the number of fields to correct). */
void fw_draw(struct fwidget *fw, const char *title, const char *what);

void fw_move(struct fwidget *fw, int req); /* REQ_NEXT_FIELD...; cursor after the text */
int  fw_changed(struct fwidget *fw);       /* 1 if a value differs from the initial one */
int  fw_key(struct fwidget *fw, int is_key, wint_t ch); /* the form's keys; H_* */

/* screen_ops key and resize of a screen whose state starts with a struct fwidget. */
int  fw_screen_key(struct screen *s, int is_key, wint_t ch);
void fw_screen_resize(struct screen *s);

/* The picker's answer for slot fw->picking: picker_new(..., fw_pick_done, fw). */
void fw_pick_done(void *fw, const char *code);
/* Puts a value into a slot and its field. */
void fw_set_value(struct fwidget *fw, struct fw_slot *sl, const char *value);

/* Messages "key: reason" go beside their slots, the others on the help line; the
 * form is laid out again on the first bad field. */
void fw_set_errors(struct fwidget *fw, const struct errs *e);
/* After a valid check: drops the last messages (laying the form out again when
 * there were any). */
void fw_accept(struct fwidget *fw);
/* Someone saved first: shows cause on the help line and asks whether to load the
 * newer version. Yes: load(ctx, rec) fills the slots and the form is laid out
 * again; no: the next F2 saves over it (the caller takes the new version). 1 when
 * loaded. */
int  fw_conflict(struct fwidget *fw, const char *cause,
		 void (*load)(void *ctx, const void *rec), const void *rec);

#endif
