/* pactum batch: one deal, on a worker thread: its input's fingerprint,
 * whether an earlier run left it complete, its files in every format,
 * committed only when every writer succeeded, and its manifest line. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "batch.h"

static char *output_path(const struct batch *b, const char *name,
			 const struct format *f)
{
	size_t len = strlen(b->outdir) + strlen(name) + strlen(f->suffix) + 3;
	char *path = pactum_malloc(len);

	if (path)
		snprintf(path, len, "%s/%s.%s", b->outdir, name, f->suffix);
	return path;
}

/* The fingerprint of a deal's input: the run's, and each value; nonzero
 * when out of memory. */
static int fingerprint_deal(char hex[BATCH_SHA256_HEX], const struct batch *b,
			    const pactum_data *data, pactum_sink *scratch)
{
	const char *name, *value, *bytes;
	size_t i, len;
	int error = pactum_sink_puts(scratch, b->run);

	for (i = 0; pactum_data_entry(data, i, &name, &value) == PACTUM_OK;
	     i++) {
		/* name=value, each with its length: no two deals alike */
		char n[48];

		snprintf(n, sizeof(n), "\n%zu:%zu:", strlen(name),
			 strlen(value));
		error |= pactum_sink_puts(scratch, n) |
			 pactum_sink_puts(scratch, name) |
			 pactum_sink_puts(scratch, value);
	}
	if (error != PACTUM_OK)
		return -1;
	bytes = pactum_sink_data(scratch, &len);
	batch_sha256_hex(hex, bytes, len);
	return 0;
}

/* With --resume: nonzero when an earlier run rendered this deal from the
 * same input into the same files, and they are still as it wrote them. */
static int still_complete(const struct batch *b, const struct job *job,
			  const char *input)
{
	const batch_previous *prev = job->prev;
	char sha[BATCH_SHA256_HEX];
	size_t i;
	int same;

	if (prev == NULL || !prev->rendered || strcmp(prev->input, input) ||
	    prev->nfiles != b->nformats)
		return 0;
	for (i = 0; i < b->nformats; i++) {
		char *path = output_path(b, job->name, &b->formats[i]);
		const char *file = strrchr(path ? path : "", '/');

		same = path && strcmp(file + 1, prev->files[i]) == 0 &&
		       batch_sha256_file(sha, path) == 0 &&
		       strcmp(sha, prev->sha256[i]) == 0;
		pactum_free(path);
		if (!same)
			return 0;
	}
	return 1;
}

/* The manifest line of a deal; NULL when out of memory. */
static char *manifest_line(const struct job *job, const char *status,
			   const char *input, const struct batch *b,
			   pactum_sink *const *sinks)
{
	pactum_sink *line = NULL;
	char head[96], hex[BATCH_SHA256_HEX], *out = NULL;
	size_t i, len;
	int error;

	if (pactum_sink_new(&line) != PACTUM_OK)
		return NULL;
	snprintf(head, sizeof(head),
		 "{\"record\":%zu,\"line\":%lu,\"status\":\"%s\"", job->record,
		 (unsigned long)job->pos.line, status);
	error = pactum_sink_puts(line, head);
	if (input)
		error |= pactum_sink_puts(line, ",\"input\":\"") |
			 pactum_sink_puts(line, input) |
			 pactum_sink_puts(line, "\"");
	if (job->name)
		error |= pactum_sink_puts(line, ",\"files\":[");
	for (i = 0; job->name && i < b->nformats; i++) {
		const struct format *f = &b->formats[i];
		const char *bytes = sinks ? pactum_sink_data(sinks[i], &len) : "";
		char *path = output_path(b, job->name, f);

		if (path == NULL) {
			error = PACTUM_ENOMEM;
			break;
		}
		error |= pactum_sink_puts(line, i ? ",{\"file\":" : "{\"file\":") |
			 batch_json_string(line, strrchr(path, '/') + 1);
		pactum_free(path);
		if (sinks) {
			batch_sha256_hex(hex, bytes, len);
			snprintf(head, sizeof(head), ",\"bytes\":%zu", len);
			error |= pactum_sink_puts(line, head) |
				 pactum_sink_puts(line, ",\"sha256\":\"") |
				 pactum_sink_puts(line, hex) |
				 pactum_sink_puts(line, "\"");
		}
		error |= pactum_sink_puts(line, "}");
	}
	if (job->name)
		error |= pactum_sink_puts(line, "]");
	if (!sinks && pactum_diag_count(job->diag, PACTUM_ERROR) > 0) {
		/* the first error, for whoever reads the manifest alone */
		pactum_severity sev;
		const char *msg = NULL;

		for (i = 0; i < pactum_diag_size(job->diag); i++) {
			msg = pactum_diag_entry(job->diag, i, &sev, NULL);
			if (sev == PACTUM_ERROR)
				break;
		}
		error |= pactum_sink_puts(line, ",\"error\":") |
			 batch_json_string(line, msg ? msg : "");
	}
	error |= pactum_sink_puts(line, "}");
	if (error == PACTUM_OK) {
		const char *bytes = pactum_sink_data(line, &len);

		out = pactum_strndup(bytes, len);
	}
	pactum_sink_free(line);
	return out;
}

/* Render one deal in every format, then commit the files: none is
 * written unless every writer succeeded. */
void batch_render_job(const struct batch *b, struct job *job)
{
	pactum_sink *sinks[BATCH_MAX_FORMATS] = { NULL };
	pactum_sink *scratch = NULL;
	pactum_doc *doc = NULL;
	char input[BATCH_SHA256_HEX];
	size_t i;
	int error = PACTUM_OK;

	job->result = FAILED;
	if (job->name == NULL || pactum_diag_count(job->diag, PACTUM_ERROR))
		goto cleanup;
	if (pactum_sink_new(&scratch) != PACTUM_OK)
		goto nomem;
	if (fingerprint_deal(input, b, job->data, scratch) != 0)
		goto nomem;
	if (b->resume && still_complete(b, job, input)) {
		job->result = SKIPPED;
		job->line = cli_strdup(job->prev->line);
		if (job->line == NULL)
			goto nomem;
		goto cleanup;
	}
	error = pactum_doc_new(&doc, b->model, job->data, b->tr, b->langs,
			       b->nlangs, job->diag);
	for (i = 0; error == PACTUM_OK && i < b->nformats; i++) {
		error = pactum_sink_new(&sinks[i]);
		if (error == PACTUM_OK)
			error = pactum_plugin_write(b->formats[i].writer,
						    sinks[i], doc,
						    b->formats[i].opts,
						    job->diag);
	}
	for (i = 0; error == PACTUM_OK && i < b->nformats; i++) {
		char *path = output_path(b, job->name, &b->formats[i]);

		/* synced once at the end: an fsync per file would cost more
		 * than the render */
		error = path ? pactum_sink_commit_flags(sinks[i], path,
							PACTUM_COMMIT_NOSYNC,
							job->diag)
			     : PACTUM_ENOMEM;
		pactum_free(path);
	}
	if (error == PACTUM_OK)
		job->result = RENDERED;
	if (error == PACTUM_ENOMEM)
		goto nomem;
	job->line = manifest_line(job, error == PACTUM_OK ? "rendered"
							: "failed",
				  input, b, error == PACTUM_OK ? sinks : NULL);
	goto cleanup;
nomem:
	job->result = FAILED;
	job->nomem = 1;
	pactum_diag_report(job->diag, PACTUM_ERROR, &job->pos, "%s",
			   _("out of memory"));
cleanup:
	if (job->result == FAILED && job->line == NULL)
		job->line = manifest_line(job, "failed", NULL, b, NULL);
	for (i = 0; i < b->nformats; i++)
		pactum_sink_free(sinks[i]);
	pactum_sink_free(scratch);
	pactum_doc_free(doc);
	/* the deal is done with: only its messages wait */
	pactum_data_free(job->data);
	job->data = NULL;
}

