/* ui.h: the screen stack, the one input loop and drawing helpers. Only ui/ includes curses. */
#ifndef BERKAS_UI_H
#define BERKAS_UI_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <wchar.h>
#include "app.h"

/* Key handler results (flags). */
enum {
	H_NONE   = 0,  /* key not used */
	H_DONE   = 1,  /* handled */
	H_REDRAW = 2,  /* repaint everything */
	H_POP    = 4,  /* close this screen (the loop frees it and resumes the one below) */
	H_QUIT   = 8   /* leave the program */
};

struct screen;
struct screen_ops {
	const char *name;
	void (*draw)(struct screen *s);                 /* full repaint from state into stdscr */
	int  (*key)(struct screen *s, int is_key, wint_t ch); /* is_key: ch is KEY_* */
	void (*resize)(struct screen *s);               /* geometry changed; may be NULL */
	void (*resume)(struct screen *s);               /* screen above closed; reload; may be NULL */
	void (*free)(struct screen *s);                 /* release state */
	const char *fkeys;                              /* function-key bar text */
};

struct screen {
	const struct screen_ops *ops;
	void                    *state;
	int                      modal; /* draw the screen below first */
};

/* Minimum size the program works at. */
#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24

/* Colour pairs. */
enum { CP_NORMAL, CP_HEADER, CP_SELECT, CP_OVERDUE, CP_DUE, CP_STATUS, CP_ERROR, CP_FKEY, CP_COUNT };

int   ui_run(struct app *a);                      /* owns the terminal; returns exit status */
void  ui_push(struct screen *s);                  /* new screen on top */
struct app *ui_app(void);
int   ui_color(void);                             /* 1 if colours are in use */
void  ui_message(const char *fmt, ...);           /* one-line message shown until next key */
void  ui_error(const char *fmt, ...);             /* same, as an error */

/* Drawing helpers: text is sanitised and clipped to width display columns. */
void  ui_put(int y, int x, int width, const char *utf8);
void  ui_put_attr(int y, int x, int width, const char *utf8, attr_t attr, short pair);
void  ui_title(const char *title);                /* top line */
void  ui_status(const char *text);                /* status line (LINES-2) */
void  ui_fkeys(const char *text);                 /* function-key bar (LINES-1) */
void  ui_box(int y, int x, int h, int w, const char *title); /* boxed region for modals */

/* Blocking one-line prompt on the status line; returns the text (caller
 * frees) or NULL on Esc. initial may be NULL. */
char *ui_prompt(const char *label, const char *initial);
/* Yes/no question; 1 yes. */
int   ui_confirm(const char *question);

/* Screens. */
struct screen *inbox_new(void);
struct screen *case_screen_new(const char *case_id);
struct screen *form_screen_new(const char *kind, const char *case_id /* NULL: new */);
struct screen *dispo_screen_new(const char *case_id, const char *parent_id /* NULL: top */);
struct screen *help_screen_new(const char *context);
struct screen *print_screen_new(const char *case_id);
/* The cooperative registry "Registri Koperasi" (koplist.c; its other screens in kop.h). */
struct screen *koperasi_list_new(void);
/* Requirement checklist of a case (reqs.c). */
struct screen *reqs_screen_new(const char *case_id);
/* Registry picker (regpick.c): search-as-you-type over the cooperatives; on
 * Enter calls done(ctx, value, name) with the NIK (or the id when it has no
 * NIK) and the name, or (NULL, NULL) on Esc, and closes. */
struct screen *regpick_new(const char *title, const char *initial,
			   void (*done)(void *ctx, const char *value, const char *name), void *ctx);
/* Picker over items (code + label); on Enter calls done(ctx, code) (code NULL on
 * Esc) and closes. Typing filters by code or label. */
struct screen *picker_new(const char *title, const struct refitem *items, size_t n,
			  int multi, const char *selected,
			  void (*done)(void *ctx, const char *code), void *ctx);

/* ---- helpers added by ui.c (the declarations above are unchanged) --------
 * Screen lifetime: a *_new function allocates struct screen (xcalloc) and its
 * state; when a screen closes the loop calls ops->free(s), which releases
 * s->state only, and then frees s itself. */
struct screen *ui_screen_new(const struct screen_ops *ops, void *state, int modal);
attr_t ui_attr(int pair);                         /* attributes of a pair; monochrome fallback */
void  ui_fill(int y, int x, int width, attr_t attr, short pair); /* blank cells */
/* From a draw(): show the cursor at y, x once the repaint is done (otherwise
 * the cursor is hidden, or left where the top screen's draw put it). */
void  ui_cursor(int y, int x);
int   ui_too_small(void);                         /* 1 below UI_MIN_COLS x UI_MIN_ROWS */
/* Sanitised text wrapped into lines of at most width display columns (newlines
 * are kept as breaks); always at least one line. Free with ui_lines_free. */
char **ui_wrap(const char *text, int width, size_t *n);
void  ui_lines_free(char **lines, size_t n);

#endif
