/* Deal streams: the deals of a file of many, handed to the program one by
 * one while a reader parses the file from a descriptor the core holds. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "data.h"

struct pactum_deals {
	int fd;
	const char *path;
	pactum_diag *diag; /* the file's problems */
	pactum_deal_fn fn;
	void *ctx;
	size_t record;     /* deals begun so far */
	pactum_data *data; /* the deal begun, until it ends */
	pactum_diag *deal_diag;
	pactum_pos pos;
	int stopped;       /* fn's status when it said stop */
};

int pactum__deals_stopped(const struct pactum_deals *deals)
{
	return deals->stopped;
}

int pactum_deals_read(size_t *got, pactum_deals *deals, char *buf,
		      size_t size)
{
	pactum_pos pos = { deals->path, 0, 0 };
	ssize_t n;

	*got = 0;
	do
		n = read(deals->fd, buf, size);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		pactum_diag_report(deals->diag, PACTUM_ERROR, &pos,
				   _("cannot read: %s"), strerror(errno));
		return PACTUM_EIO;
	}
	*got = (size_t)n;
	return PACTUM_OK;
}

int pactum_deals_begin(pactum_data **data, pactum_diag **diag,
		       pactum_deals *deals, const pactum_pos *pos)
{
	*data = NULL;
	*diag = NULL;
	if (deals->data != NULL)
		return PACTUM_EINVAL;
	if (pactum_data_new(&deals->data) != PACTUM_OK)
		return PACTUM_ENOMEM;
	if (pactum_diag_new(&deals->deal_diag) != PACTUM_OK) {
		pactum_data_free(deals->data);
		deals->data = NULL;
		return PACTUM_ENOMEM;
	}
	deals->record++;
	deals->pos.file = deals->path;
	deals->pos.line = pos ? pos->line : 0;
	deals->pos.col = pos ? pos->col : 0;
	*data = deals->data;
	*diag = deals->deal_diag;
	return PACTUM_OK;
}

/* Hand the deal over; fn owns it from here. */
static int hand_over(pactum_deals *deals)
{
	pactum_data *data = deals->data;
	pactum_diag *diag = deals->deal_diag;
	pactum_callout saved;
	int status;

	deals->data = NULL;
	deals->deal_diag = NULL;
	if (pactum__data_report_repeated(data, diag) == PACTUM_ENOMEM) {
		pactum_data_free(data);
		pactum_diag_free(diag);
		return deals->stopped = PACTUM_ENOMEM;
	}
	pactum__plugin_out(&saved);
	status = deals->fn(deals->ctx, data, diag, deals->record, &deals->pos);
	pactum__plugin_back(&saved);
	if (status != PACTUM_OK)
		deals->stopped = status;
	return status;
}

int pactum_deals_end(pactum_deals *deals)
{
	if (deals->data == NULL)
		return PACTUM_EINVAL;
	return hand_over(deals);
}

/* A reader without read_deals: the file is one deal, read whole. */
static int read_one(pactum_deals *deals, const pactum_plugin *reader)
{
	pactum_pos start = { deals->path, 1, 1 };
	pactum_data *data;
	pactum_diag *diag;
	char *bytes = NULL;
	size_t len;
	int error;

	error = pactum__file_read(&bytes, &len, deals->path, PACTUM_MAX_INPUT,
				  deals->diag);
	if (error == PACTUM_ENOTFOUND || error == PACTUM_EIO)
		error = PACTUM_EINPUT;
	if (error == PACTUM_OK)
		error = pactum_deals_begin(&data, &diag, deals, &start);
	if (error == PACTUM_OK) {
		error = pactum__plugin_read_data(reader, data, deals->path,
						 bytes, len, diag);
		/* the deal's own problems are the deal's, not the file's */
		if (error == PACTUM_OK || error == PACTUM_EINPUT)
			error = hand_over(deals);
	}
	pactum_free(bytes);
	return error;
}

int pactum_data_each(const pactum_registry *reg, const char *path,
		     pactum_deal_fn fn, void *ctx, pactum_diag *diag)
{
	const pactum_plugin *reader = pactum_registry_find_reader(reg, path);
	const pactum_plugin_desc *desc =
		reader ? pactum__plugin_descriptor(reader) : NULL;
	pactum_pos pos = { path, 0, 0 };
	pactum_deals deals = { .fd = -1, .path = path, .diag = diag,
			       .fn = fn, .ctx = ctx };
	int error;

	if (desc == NULL || desc->read_data == NULL) {
		pactum_diag_report(diag, PACTUM_ERROR, &pos,
				   _("no reader plugin reads deal data of this "
				     "kind of file"));
		return PACTUM_ENOTFOUND;
	}
	if (desc->read_deals == NULL) {
		error = read_one(&deals, reader);
	} else {
		error = pactum__file_open(&deals.fd, path, diag);
		if (error == PACTUM_ENOTFOUND || error == PACTUM_EIO)
			error = PACTUM_EINPUT;
		if (error == PACTUM_OK)
			error = pactum__plugin_read_deals(reader, &deals, path,
							  diag);
	}
	if (deals.data != NULL) {
		/* the reader gave up inside a deal: nobody else has it */
		pactum_data_free(deals.data);
		pactum_diag_free(deals.deal_diag);
	}
	if (deals.fd >= 0)
		close(deals.fd);
	return error;
}
