/* listscreen.h: what the list screens over listview (the inbox and the cooperative
 * registry) share: search, limit and sort with their keys and prompts, the count of
 * all rows, reloading, the top line and the status line. */
#ifndef BERKAS_UI_LISTSCREEN_H
#define BERKAS_UI_LISTSCREEN_H

#include "listview.h"
#include "ui.h"

struct lscreen;

struct ls_ops {
	/* Puts search, limit, sort and reverse (and whatever else the query needs
	 * fresh) into the screen's query, before it is read. */
	void        (*apply)(void *ctx, const struct lscreen *ls);
	/* Rows of the query without search and limit, or -1 with *cause. */
	long        (*count_all)(void *ctx, char **cause);
	const char *(*sort_label)(int sort);
};

struct lscreen {
	struct listview     *lv;
	const struct ls_ops *ops;
	void                *ctx;
	char                *search;    /* as typed, owned; NULL for none */
	char                *limit;     /* as typed, owned; NULL for none */
	int                  sort;      /* 0 .. nsort - 1 */
	int                  nsort;
	int                  reverse;
	long                 all_total; /* rows without search and limit; -1 unknown */
};

/* Takes lv over (listview_free at ls_free) and places it; load with
 * ls_requery_shown. */
void ls_init(struct lscreen *ls, struct listview *lv, const struct ls_ops *ops, void *ctx,
	     int sort, int nsort);
void ls_free(struct lscreen *ls);
void ls_place(struct lscreen *ls);   /* rows 2 .. LINES - 3 */
/* Loads the first page of the query; -1 with *cause (the list is then empty). */
int  ls_requery(struct lscreen *ls, char **cause);
void ls_requery_shown(struct lscreen *ls); /* the same, showing an error */
void ls_refresh(struct lscreen *ls);       /* re-reads the rows on screen, recounting */

/* The keys of every list screen: the list's movement keys, F5 (reload) and
 * / l o O (search, limit, next sort, reverse order): H_DONE when the key was
 * one of them. Otherwise *ch is what the screen acts on: function key Fn turns
 * into the letter fletter[n - 1] (0: none), Enter into '\n', another key into 0. */
int  ls_key(struct lscreen *ls, int is_key, wint_t *ch, const char fletter[10]);

/* The top line: title at the left, the date (DD-MM-YYYY of today) at the right. */
void ls_top(const char *title, day_t today);
/* Clears the column heading row (1). */
void ls_head_row(void);
/* The status line "what | shown/all[ | extra] | cari: ... | batasi: ... | urut: ...". */
void ls_status(const struct lscreen *ls, const char *what, const char *extra);

/* screen_ops resize and resume of a screen whose state starts with a struct lscreen. */
void ls_screen_resize(struct screen *s);
void ls_screen_resume(struct screen *s);

#endif
