/* Diagnostics: every problem a run finds is collected here, so one run can
 * report all that is wrong with a model instead of stopping at the first.
 * Messages quote untrusted text, so each is made safe for a terminal and
 * capped in length here, and only so many are kept: a hostile model must
 * not turn stderr into megabytes, however many errors it holds. */
#include "config.h"

#include <libintl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct entry {
	pactum_severity severity;
	size_t file;  /* index into files, or SIZE_MAX for none */
	uint32_t line;
	uint32_t col;
	size_t seq;   /* order of reporting, to keep sorting stable */
	char *message;
};

/* Kept at most; the rest are counted and summed up in one line. */
#define MAX_ENTRIES 200
/* A longer message keeps its head and its tail (which usually says what
 * is wrong) and loses the middle. */
#define MAX_MESSAGE 1024
#define KEEP_TAIL 256

struct pactum_diag {
	struct entry *entries;
	size_t count;
	size_t cap;
	char **files; /* interned file names, in order of first report */
	size_t nfiles;
	size_t seq;
	size_t lost;  /* messages dropped for want of memory */
	size_t dropped; /* messages beyond MAX_ENTRIES */
	size_t counts[3];
};

/* The library's messages are in the text domain "pactum", and a program
 * that embeds the library need not know: bind it once, before the first
 * message can be made.  The program's locale still picks the language. */
static pthread_once_t domain_bound = PTHREAD_ONCE_INIT;

static void bind_domain(void)
{
	bindtextdomain(PACKAGE, LOCALEDIR);
}

int pactum_diag_new(pactum_diag **out)
{
	pthread_once(&domain_bound, bind_domain);
	*out = pactum_malloc(sizeof(**out));
	if (*out == NULL)
		return PACTUM_ENOMEM;
	memset(*out, 0, sizeof(**out));
	return PACTUM_OK;
}

static void clear(pactum_diag *diag)
{
	size_t i;

	for (i = 0; i < diag->count; i++)
		pactum_free(diag->entries[i].message);
	diag->count = 0;
	diag->lost = 0;
	diag->dropped = 0;
}

void pactum_diag_free(pactum_diag *diag)
{
	size_t i;

	if (diag == NULL)
		return;
	clear(diag);
	for (i = 0; i < diag->nfiles; i++)
		pactum_free(diag->files[i]);
	pactum_free(diag->files);
	pactum_free(diag->entries);
	pactum_free(diag);
}

/* File names are untrusted too: kept as they will be shown. */
static int intern_file(size_t *out, pactum_diag *diag, const char *file)
{
	pactum_buf safe = PACTUM_BUF_INIT;
	char **files;
	size_t i;
	int error = PACTUM_ENOMEM;

	*out = SIZE_MAX;
	if (file == NULL)
		return PACTUM_OK;
	if (pactum__buf_put_safe(&safe, file, strlen(file)) != PACTUM_OK ||
	    pactum__buf_putc(&safe, '\0') != PACTUM_OK)
		goto cleanup;
	for (i = 0; i < diag->nfiles; i++) {
		if (strcmp(diag->files[i], safe.ptr) == 0) {
			*out = i;
			error = PACTUM_OK;
			goto cleanup;
		}
	}
	files = pactum_realloc(diag->files,
			       (diag->nfiles + 1) * sizeof(*files));
	if (files == NULL)
		goto cleanup;
	diag->files = files;
	files[diag->nfiles] = pactum__buf_detach(&safe);
	*out = diag->nfiles++;
	error = PACTUM_OK;
cleanup:
	pactum__buf_free(&safe);
	return error;
}

/* The message as it may be shown: safe for a terminal, at most about
 * MAX_MESSAGE bytes, cut in the middle at character boundaries.  Owned. */
static char *shown_message(const pactum_buf *msg)
{
	pactum_buf safe = PACTUM_BUF_INIT;
	size_t head, tail;

	if (pactum__buf_put_safe(&safe, msg->ptr ? msg->ptr : "", msg->len) !=
	    PACTUM_OK)
		goto cleanup;
	if (safe.len > MAX_MESSAGE) {
		pactum_buf cut = PACTUM_BUF_INIT;

		head = MAX_MESSAGE - KEEP_TAIL;
		while (head > 0 && ((unsigned char)safe.ptr[head] & 0xc0) == 0x80)
			head--;
		tail = safe.len - KEEP_TAIL;
		while (tail < safe.len &&
		       ((unsigned char)safe.ptr[tail] & 0xc0) == 0x80)
			tail++;
		pactum__buf_put(&cut, safe.ptr, head);
		/* TRANSLATORS: stands for the middle of an over-long message */
		pactum__buf_printf(&cut, _(" [... %zu bytes left out ...] "),
				   tail - head);
		pactum__buf_put(&cut, safe.ptr + tail, safe.len - tail);
		pactum__buf_free(&safe);
		safe = cut;
	}
cleanup:
	return pactum__buf_detach(&safe);
}

int pactum_diag_vreport(pactum_diag *diag, pactum_severity severity,
			const pactum_pos *pos, const char *fmt, va_list ap)
{
	pactum_buf msg = PACTUM_BUF_INIT;
	struct entry *e;
	size_t file = SIZE_MAX;
	int error = PACTUM_ENOMEM;

	if (severity > PACTUM_ERROR)
		severity = PACTUM_ERROR;
	diag->counts[severity]++;
	if (diag->count == MAX_ENTRIES) {
		diag->dropped++;
		return PACTUM_OK;
	}
	if (pactum__buf_vprintf(&msg, fmt, ap) != PACTUM_OK)
		goto cleanup;
	if (pos != NULL && intern_file(&file, diag, pos->file) != PACTUM_OK)
		goto cleanup;
	if (diag->count == diag->cap) {
		size_t cap = diag->cap ? diag->cap * 2 : 16;
		struct entry *entries =
			pactum_realloc(diag->entries, cap * sizeof(*entries));

		if (entries == NULL)
			goto cleanup;
		diag->entries = entries;
		diag->cap = cap;
	}
	e = &diag->entries[diag->count];
	e->message = shown_message(&msg);
	if (e->message == NULL)
		goto cleanup;
	diag->count++;
	e->severity = severity;
	e->file = file;
	e->line = pos ? pos->line : 0;
	e->col = pos ? pos->col : 0;
	e->seq = diag->seq++;
	error = PACTUM_OK;
cleanup:
	if (error != PACTUM_OK)
		diag->lost++;
	pactum__buf_free(&msg);
	return error;
}

int pactum_diag_report(pactum_diag *diag, pactum_severity severity,
		       const pactum_pos *pos, const char *fmt, ...)
{
	va_list ap;
	int error;

	va_start(ap, fmt);
	error = pactum_diag_vreport(diag, severity, pos, fmt, ap);
	va_end(ap);
	return error;
}

size_t pactum_diag_count(const pactum_diag *diag, pactum_severity severity)
{
	return severity <= PACTUM_ERROR ? diag->counts[severity] : 0;
}

size_t pactum_diag_size(const pactum_diag *diag)
{
	return diag->count;
}

const char *pactum_diag_entry(const pactum_diag *diag, size_t i,
			      pactum_severity *severity, pactum_pos *pos)
{
	const struct entry *e;

	if (i >= diag->count)
		return NULL;
	e = &diag->entries[i];
	if (severity)
		*severity = e->severity;
	if (pos) {
		pos->file = e->file == SIZE_MAX ? NULL : diag->files[e->file];
		pos->line = e->line;
		pos->col = e->col;
	}
	return e->message;
}

static int by_position(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;

	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static const char *severity_name(pactum_severity severity)
{
	switch (severity) {
	case PACTUM_NOTE:
		return _("note");
	case PACTUM_WARNING:
		return _("warning");
	default:
		return _("error");
	}
}

int pactum_diag_flush(pactum_diag *diag, FILE *fp)
{
	size_t i;
	int error = PACTUM_OK;

	if (diag->count > 1)
		qsort(diag->entries, diag->count, sizeof(*diag->entries),
		      by_position);
	for (i = 0; i < diag->count; i++) {
		const struct entry *e = &diag->entries[i];
		const char *file = e->file == SIZE_MAX ? PACKAGE
						       : diag->files[e->file];
		int n;

		if (e->line && e->col)
			n = fprintf(fp, "%s:%lu:%lu: %s: %s\n", file,
				    (unsigned long)e->line,
				    (unsigned long)e->col,
				    severity_name(e->severity), e->message);
		else if (e->line)
			n = fprintf(fp, "%s:%lu: %s: %s\n", file,
				    (unsigned long)e->line,
				    severity_name(e->severity), e->message);
		else
			n = fprintf(fp, "%s: %s: %s\n", file,
				    severity_name(e->severity), e->message);
		if (n < 0)
			error = PACTUM_EIO;
	}
	if (diag->dropped &&
	    fprintf(fp, "%s: %s: ", PACKAGE, severity_name(PACTUM_NOTE)) >= 0 &&
	    fprintf(fp, dngettext(PACKAGE, "and %zu more message not shown (%zu errors "
				 "in all)\n",
				 "and %zu more messages not shown (%zu errors "
				 "in all)\n",
				 diag->dropped),
		    diag->dropped, diag->counts[PACTUM_ERROR]) < 0)
		error = PACTUM_EIO;
	if (diag->lost &&
	    fprintf(fp, "%s: %s: %s\n", PACKAGE, severity_name(PACTUM_ERROR),
		    _("some messages were lost for want of memory")) < 0)
		error = PACTUM_EIO;
	if (fflush(fp) != 0)
		error = PACTUM_EIO;
	clear(diag);
	return error;
}
