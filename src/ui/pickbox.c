/* pickbox.c: the frame, list and keys of the modal pickers (see pickbox.h). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "pickbox.h"
#include "util.h"

char *pb_filter_text(const struct pickbox *pb)
{
	char buf[PB_FILTER_MAX * MB_LEN_MAX + 1];
	if (wcstombs(buf, pb->filter, sizeof buf) == (size_t)-1)
		buf[0] = '\0';
	return xstrdup(buf);
}

void pb_set_filter(struct pickbox *pb, const char *utf8)
{
	char *safe = str_sanitize(utf8 ? utf8 : "", 1);
	size_t n = mbstowcs(pb->filter, safe, PB_FILTER_MAX);
	if (n == (size_t)-1)
		n = 0;
	pb->flen = n;
	pb->filter[n] = L'\0';
	free(safe);
}

void pb_frame(struct pickbox *pb, int y, int x, int h, int w, const char *title,
	      const char *count, const char *hint)
{
	pb->y = y;
	pb->x = x;
	pb->h = h;
	pb->w = w;
	ui_box(y, x, h, w, title);
	int iw = w - 4; /* inner width with one blank column each side */
	int ix = x + 2;

	/* search line */
	char *fb = pb_filter_text(pb);
	const char *lab = _("Cari: ");
	int lw = str_width(lab);
	ui_put_attr(y + 1, ix, iw, lab, A_BOLD, CP_NORMAL);
	int fw = str_width(fb);
	int room = iw - lw - 1;
	const char *shown = fb;
	/* keep the end of a long search visible */
	while (fw > room && *shown) {
		wchar_t wc;
		int m = mbtowc(&wc, shown, MB_LEN_MAX);
		if (m <= 0)
			break;
		shown += m;
		fw = str_width(shown);
	}
	ui_put(y + 1, ix + lw, room, shown);
	int cw = count ? str_width(count) : 0;
	if (count != NULL && lw + fw + cw + 2 < iw)
		ui_put_attr(y + 1, ix + iw - cw, cw, count, A_DIM, CP_NORMAL);
	ui_cursor(y + 1, ix + lw + fw);
	free(fb);

	/* list geometry: keep the selection on screen */
	pb->list_h = h - 4 > 1 ? h - 4 : 1;
	if (pb->cur < pb->top)
		pb->top = pb->cur;
	if (pb->cur >= pb->top + (size_t)pb->list_h)
		pb->top = pb->cur - (size_t)pb->list_h + 1;

	ui_put_attr(y + h - 2, ix, iw, hint, A_DIM, CP_NORMAL);
}

void pb_row(const struct pickbox *pb, size_t i, const char *text)
{
	if (i < pb->top || i >= pb->top + (size_t)pb->list_h)
		return;
	int ly = pb->y + 2 + (int)(i - pb->top);
	int sel = i == pb->cur;
	if (sel)
		ui_fill(ly, pb->x + 1, pb->w - 2, A_NORMAL, CP_SELECT);
	ui_put_attr(ly, pb->x + 2, pb->w - 4, text, A_NORMAL, sel ? CP_SELECT : CP_NORMAL);
}

void pb_note(const struct pickbox *pb, const char *text, attr_t attr, short pair)
{
	ui_put_attr(pb->y + 2, pb->x + 2, pb->w - 4, text, attr, pair);
}

void pb_marks(const struct pickbox *pb, size_t n, int more)
{
	int list_y = pb->y + 2, mx = pb->x + pb->w - 2;
	if (pb->top > 0)
		ui_put_attr(list_y, mx, 1, "^", A_BOLD, CP_NORMAL);
	if (pb->top + (size_t)pb->list_h < n || more)
		ui_put_attr(list_y + pb->list_h - 1, mx, 1, "v", A_BOLD, CP_NORMAL);
}

/* Types c into the search, or takes its last character off (del); 1 when it changed. */
static int pb_edit(struct pickbox *pb, int del, wchar_t c)
{
	if (del) {
		if (pb->flen == 0)
			return 0;
		pb->filter[--pb->flen] = L'\0';
		return 1;
	}
	if (pb->flen >= PB_FILTER_MAX)
		return 0;
	pb->filter[pb->flen++] = c;
	pb->filter[pb->flen] = L'\0';
	return 1;
}

enum pb_act pb_key(struct pickbox *pb, int is_key, wint_t ch, long *by)
{
	long page = pb->list_h > 1 ? pb->list_h - 1 : 1;
	if (is_key) {
		switch (ch) {
		case KEY_UP:        *by = -1; return PB_MOVE;
		case KEY_DOWN:      *by = 1; return PB_MOVE;
		case KEY_PPAGE:     *by = -page; return PB_MOVE;
		case KEY_NPAGE:     *by = page; return PB_MOVE;
		case KEY_HOME:      pb->cur = 0; return PB_NONE;
		case KEY_END:       return PB_END;
		case KEY_ENTER:     return PB_CHOOSE;
		case KEY_BACKSPACE: return pb_edit(pb, 1, 0) ? PB_FILTERED : PB_NONE;
		case KEY_F(10):     return PB_CANCEL;
		default:            return PB_NONE; /* a modal keeps other keys */
		}
	}
	switch (ch) {
	case 27:
		return PB_CANCEL;
	case '\r': case '\n':
		return PB_CHOOSE;
	case 127: case 8:
		return pb_edit(pb, 1, 0) ? PB_FILTERED : PB_NONE;
	case 21: /* Ctrl-U */
		pb->flen = 0;
		pb->filter[0] = L'\0';
		return PB_FILTERED;
	case 14: /* Ctrl-N */
		*by = 1;
		return PB_MOVE;
	case 16: /* Ctrl-P */
		*by = -1;
		return PB_MOVE;
	default:
		break;
	}
	if (ch >= 32 && ch != 127 && iswprint(ch) && pb_edit(pb, 0, (wchar_t)ch))
		return PB_FILTERED;
	return PB_NONE;
}
