/* textview.h: a scrollable view of prebuilt text lines (the case, cooperative and
 * requirement screens): wrapped text and "Label : value" fields, the scrolling keys,
 * the "baris a-b dari n" status, and a selection over lines tagged with what they show. */
#ifndef BERKAS_UI_TEXTVIEW_H
#define BERKAS_UI_TEXTVIEW_H

#include <stddef.h>
#include "store.h"
#include "ui.h"
#include "util.h"

struct tv_line {
	char  *text;  /* sanitised when drawn */
	attr_t attr;
	short  pair;
	long   tag;   /* what the line shows (something the screen can open), or -1 */
};

struct textview {
	struct tv_line *lines;
	size_t          n, cap;
	int             width; /* columns the text is built for */
	int             y;     /* first screen row */
	int             below; /* screen rows under the view (status, key bar) */
	int             top;   /* first line shown */
	long            sel;   /* selected tag, -1 for none */
};

/* An empty view from screen row y down to `below` rows above the bottom. */
void tv_init(struct textview *tv, int y, int below);
void tv_free(struct textview *tv);
void tv_clear(struct textview *tv);            /* drops the lines, keeps top and sel */
int  tv_height(const struct textview *tv);     /* rows on screen, at least 1 */
int  tv_text_width(void);                      /* the usual text width: COLS - 2, at least 20 */

/* Building: a line; text wrapped to tv->width, the first line after `first`, the
 * others indented by indent columns; a blank line and a heading; "Label<pad> :
 * value" with the label cut to lw columns and the value wrapped under itself. */
void tv_add(struct textview *tv, const char *text, attr_t attr, short pair);
void tv_wrapped(struct textview *tv, const char *first, int indent, const char *text,
		attr_t attr, short pair);
void tv_heading(struct textview *tv, const char *text);
void tv_field(struct textview *tv, int lw, const char *label, const char *value,
	      attr_t attr, short pair);
/* Marks the lines from line `from` to the end as showing tag. */
void tv_tag(struct textview *tv, size_t from, long tag);

/* Scrolling: keeps top in range; scrolls by lines (the selection follows); the
 * scrolling keys j k arrows, Space PgDn Ctrl-F, - PgUp Ctrl-B, g G Home End: H_DONE
 * when the key was one of them, else H_NONE. */
void tv_clamp(struct textview *tv);
void tv_scroll(struct textview *tv, int by);
int  tv_key(struct textview *tv, int is_key, wint_t ch);

/* Selection: the first line of the selected tag (-1 none); 1 when the selected
 * line is on screen; after scrolling, a tagged line on screen takes over from a
 * selection that left it; brings the selection's lines on screen; Tab/Shift-Tab
 * (delta 1/-1): the next or previous tag, but first brings an unseen selection
 * into view. tv_next returns 0 when no line is tagged. */
long tv_sel_line(const struct textview *tv);
int  tv_sel_shown(const struct textview *tv);
void tv_follow(struct textview *tv);
void tv_show_sel(struct textview *tv);
int  tv_next(struct textview *tv, int delta);

/* Draws the lines on screen, the selected ones highlighted. */
void tv_draw(const struct textview *tv);
/* "baris a-b dari n", with " | j/PgDn lanjut" while more follows. Caller frees. */
char *tv_where(const struct textview *tv);

/* ---- helpers of the views -------------------------------------------------------- */

/* Names of people by login, looked up once per screen. */
struct ui_names {
	struct { char *login, *name; } *v;
	size_t n;
};
/* The person's name, the login when unknown, "-" for none; valid until ui_names_free. */
const char *ui_names_get(struct ui_names *nm, const char *login);
void ui_names_free(struct ui_names *nm);

/* "DD-MM-YYYY HH:MM" office time of a stored UTC timestamp (the text itself when it
 * does not parse, "-" for none). */
void ui_time_local(const char *utc, char out[17]);

/* A "Riwayat" section: the heading, then one wrapped line an event, "time  name
 * [atas nama name]: " and what body (may be NULL) appends for it. */
void tv_events(struct textview *tv, struct ui_names *nm, const struct event *ev, size_t n,
	       void (*body)(void *ctx, const struct event *e, struct buf *b), void *ctx);

#endif
