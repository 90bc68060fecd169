/*
 * Test driver: the deals of a deal-data file as pactum_data_each() hands
 * them over, with every NAME=VALUE pair and its position, and each deal's
 * problems, then the file's.  For the schema test (pactum's verdict on a
 * collection) and for measuring memory over 10 to 100,000 deals.
 *
 *   deals-dump [-q] [-s N] FILE
 *     -q    counts only: "deals N bad M"
 *     -s N  stop after the N-th deal (the callback returns PACTUM_EIO)
 * Exit 0: every deal good; 1: a bad deal or a file problem; 2: usage.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pactum/pactum.h>

#include "data.h"

struct run {
	int quiet;
	size_t stop_after;
	size_t deals, bad;
};

static int on_deal(void *ctx, pactum_data *data, pactum_diag *diag,
		   size_t record, const pactum_pos *pos)
{
	struct run *r = ctx;
	size_t i;

	r->deals++;
	if (pactum_diag_count(diag, PACTUM_ERROR) > 0)
		r->bad++;
	if (!r->quiet) {
		printf("deal %zu at %u:%u\n", record, (unsigned)pos->line,
		       (unsigned)pos->col);
		for (i = 0; i < data->count; i++) {
			const pactum_datum *d = data->items[i];

			printf("  %s=%.*s @%u:%u\n", d->name, (int)d->len,
			       d->value, (unsigned)d->pos.line,
			       (unsigned)d->pos.col);
		}
		fflush(stdout);
		pactum_diag_flush(diag, stdout);
	}
	pactum_data_free(data);
	pactum_diag_free(diag);
	return r->stop_after && record == r->stop_after ? PACTUM_EIO
							: PACTUM_OK;
}

int main(int argc, char **argv)
{
	struct run r = { 0, 0, 0, 0 };
	pactum_registry *reg = NULL;
	pactum_diag *diag = NULL;
	int opt, status;

	while ((opt = getopt(argc, argv, "qs:")) != -1) {
		if (opt == 'q')
			r.quiet = 1;
		else if (opt == 's')
			r.stop_after = (size_t)strtoul(optarg, NULL, 10);
		else
			return 2;
	}
	if (optind + 1 != argc) {
		fprintf(stderr, "usage: deals-dump [-q] [-s N] FILE\n");
		return 2;
	}
	if (pactum_registry_new(&reg) != PACTUM_OK ||
	    pactum_registry_load_default(reg) != PACTUM_OK ||
	    pactum_diag_new(&diag) != PACTUM_OK)
		return 2;
	status = pactum_data_each(reg, argv[optind], on_deal, &r, diag);
	if (r.quiet)
		printf("deals %zu bad %zu\n", r.deals, r.bad);
	printf("status %d\n", status);
	fflush(stdout);
	pactum_diag_flush(diag, stdout);
	pactum_diag_free(diag);
	pactum_registry_free(reg);
	return status == PACTUM_OK && r.bad == 0 ? 0 : 1;
}
