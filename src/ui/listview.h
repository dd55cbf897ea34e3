/* listview.h: a scrolling list that holds only the rows on screen, paged by keyset through callbacks. */
#ifndef BERKAS_LISTVIEW_H
#define BERKAS_LISTVIEW_H

#include <stddef.h>
#include "ui.h"

struct listview_ops {
	/* Fetches up to n rows after (backwards = 0) or before (backwards = 1) the
	 * row `from` (NULL: from the start, or from the end when backwards), in
	 * display order, as a malloc'ed array of row_size-byte rows in *rows (the
	 * list takes it over; NULL when none). Returns 0, or -1 with an allocated
	 * *cause. */
	int  (*fetch)(void *ctx, const void *from, int backwards, int n,
		      void **rows, size_t *nrows, char **cause);
	/* Releases what one row owns, not the row memory itself. */
	void (*release)(void *ctx, void *row);
	/* Draws one row at y, x in width columns; selected: the cursor row. */
	void (*draw)(void *ctx, const void *row, int y, int x, int width, int selected);
	/* Rows the query matches, or -1 with *cause. NULL: the total stays unknown. */
	long (*count)(void *ctx, char **cause);
	/* 1 if a and b are the same item, so the cursor stays on it across a
	 * reload. NULL: the cursor keeps its line. */
	int  (*same)(void *ctx, const void *a, const void *b);
};

struct listview;

/* New empty list; call listview_place and listview_reset next. Free with
 * listview_free. */
struct listview *listview_new(const struct listview_ops *ops, size_t row_size, void *ctx);
void listview_free(struct listview *lv);
/* Sets the region (h lines of w columns at y, x), trimming or filling the rows
 * to h. Fetch errors are shown with ui_error. */
void listview_place(struct listview *lv, int y, int x, int h, int w);
/* Drops the rows and loads the first page (to_end: the last page), recounting.
 * -1 with *cause when the query fails; the list is then empty. */
int  listview_reset(struct listview *lv, int to_end, char **cause);
/* Re-reads the page starting at the first row on screen, keeping the cursor on
 * the same item when it is still there; recount = 1 also recounts. */
int  listview_reload(struct listview *lv, int recount, char **cause);
/* Movement keys: j k arrows, PgUp PgDn Space, g G Home End. H_DONE when the key
 * was used, H_NONE otherwise. */
int  listview_key(struct listview *lv, int is_key, wint_t ch);
/* Draws the rows; empty (may be NULL) is shown when there are none. */
void listview_draw(struct listview *lv, const char *empty);

const void *listview_selected(const struct listview *lv); /* NULL when empty */
size_t      listview_count_rows(const struct listview *lv); /* rows on screen */
const void *listview_row(const struct listview *lv, size_t i);
long        listview_total(const struct listview *lv);    /* cached count, -1 unknown */

#endif
