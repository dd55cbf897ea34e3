/* pickbox.h: what the modal pickers (picker.c over code lists, regpick.c over the
 * cooperative registry) share: the boxed frame with its "Cari: " line typed into,
 * the scrolling list with its selection, and what their keys mean. */
#ifndef BERKAS_UI_PICKBOX_H
#define BERKAS_UI_PICKBOX_H

#include <stddef.h>
#include <wchar.h>
#include "ui.h"

#define PB_FILTER_MAX 64 /* characters of the search */

struct pickbox {
	wchar_t filter[PB_FILTER_MAX + 1];
	size_t  flen;
	size_t  cur;        /* selected row */
	size_t  top;        /* first row on screen */
	int     list_h;     /* rows of the list at the last draw */
	int     y, x, h, w; /* the box at the last draw */
};

/* The search as UTF-8 (caller frees); sets it from UTF-8 text (cut to fit). */
char *pb_filter_text(const struct pickbox *pb);
void  pb_set_filter(struct pickbox *pb, const char *utf8);

/* Draws the box (h rows, w columns at y, x) with title, the search line (count,
 * may be NULL, at its right when there is room) and the hint at the bottom; the
 * list scrolls to the selection; the cursor goes after the search. */
void pb_frame(struct pickbox *pb, int y, int x, int h, int w, const char *title,
	      const char *count, const char *hint);
/* Row i of the list (selected when i == cur), when it is on screen. */
void pb_row(const struct pickbox *pb, size_t i, const char *text);
/* A line in place of the list: nothing matches, or the search failed. */
void pb_note(const struct pickbox *pb, const char *text, attr_t attr, short pair);
/* ^ and v at the right edge while rows are above or below (more: further rows
 * may follow the n held). */
void pb_marks(const struct pickbox *pb, size_t n, int more);

/* What a key does in a picker. */
enum pb_act {
	PB_NONE,     /* nothing (Home has put the selection on the first row) */
	PB_MOVE,     /* move the selection by *by rows */
	PB_END,      /* to the last row */
	PB_FILTERED, /* the search changed */
	PB_CHOOSE,   /* Enter */
	PB_CANCEL    /* Esc, F10 */
};
enum pb_act pb_key(struct pickbox *pb, int is_key, wint_t ch, long *by);

#endif
