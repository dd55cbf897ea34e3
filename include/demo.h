/* demo.h: realistic demo data (letters with dispositions in every state). */
#ifndef BERKAS_DEMO_H
#define BERKAS_DEMO_H

#include "app.h"

/* Adds n incoming letters spread over the last year up to today, with
 * dispositions in every state, in batched transactions; progress (0..1) is
 * reported through fn when not NULL. Deterministic for a given seed. */
int demo_letters(struct app *a, long n, unsigned seed,
		 void (*progress)(double done, void *ctx), void *ctx, char **cause);

#endif
