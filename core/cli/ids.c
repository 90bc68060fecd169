/* pactum ids: give every paragraph, list item and recital of a model an
 * id that names it as its place did ("grant.p2" becomes id="grant-p2"),
 * and rename its msgctxt in the catalogs to match, so that inserting,
 * deleting or moving a paragraph later leaves every other unit's msgctxt,
 * and its translation, as it is.  The model is edited in place, only by
 * the attributes added; every file is written atomically. */
#include "config.h"

#include <dirent.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

struct rename {
	char *id;        /* the new id, and msgctxt */
	const char *ctx; /* the unit's msgctxt by its place, borrowed */
	size_t offset;   /* in the model's bytes: where the attribute goes */
};

/* The whole file at path, NUL-terminated; NULL (reported) when it cannot
 * be read.  The model loaded from it, so it is small. */
static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *bytes = NULL;
	long n;

	if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0 ||
	    (bytes = pactum_malloc((size_t)n + 1)) == NULL ||
	    fread(bytes, 1, (size_t)n, fp) != (size_t)n) {
		cli_error(_("ids: cannot read %s"), path);
		pactum_free(bytes);
		bytes = NULL;
	} else {
		bytes[n] = '\0';
		*len = (size_t)n;
	}
	if (fp != NULL)
		fclose(fp);
	return bytes;
}

/* The byte just after the element name that starts at line:col (col
 * counts characters, as the reader does), or SIZE_MAX when the position
 * does not hold one. */
static size_t after_name(const char *bytes, size_t len, uint32_t line,
			 uint32_t col)
{
	size_t i = 0, l = 1;
	uint32_t c;

	while (l < line && i < len)
		l += bytes[i++] == '\n';
	for (c = 1; c < col && i < len && bytes[i] != '\n'; c++)
		/* past one UTF-8 character: its lead byte, then 10xxxxxx */
		for (i++; i < len && ((unsigned char)bytes[i] & 0xc0) == 0x80; i++)
			;
	if (col == 0 || i >= len || bytes[i] != '<')
		return SIZE_MAX;
	while (++i < len && bytes[i] != ' ' && bytes[i] != '\t' &&
	       bytes[i] != '\n' && bytes[i] != '\r' && bytes[i] != '>' &&
	       bytes[i] != '/')
		;
	return i;
}

static int by_offset(const void *a, const void *b)
{
	const struct rename *x = a, *y = b;

	return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* Write bytes with every rename's attribute inserted to path. */
static int write_model(const char *path, const char *bytes, size_t len,
		       struct rename *r, size_t n, pactum_diag *diag)
{
	pactum_sink *sink = NULL;
	size_t i, at = 0;
	int error = pactum_sink_new(&sink);

	qsort(r, n, sizeof(*r), by_offset);
	for (i = 0; error == PACTUM_OK && i < n; i++) {
		error = pactum_sink_write(sink, bytes + at, r[i].offset - at);
		error |= pactum_sink_puts(sink, " id=\"");
		error |= pactum_sink_puts(sink, r[i].id);
		error |= pactum_sink_puts(sink, "\"");
		at = r[i].offset;
	}
	if (error == PACTUM_OK)
		error = pactum_sink_write(sink, bytes + at, len - at);
	if (error == PACTUM_OK)
		error = pactum_sink_commit(sink, path, diag);
	pactum_sink_free(sink);
	return error;
}

/* In the catalog at path, every 'msgctxt "OLD"' line of a rename becomes
 * 'msgctxt "NEW"'; *count how many.  A file that is not there is fine. */
static int rename_in(const char *path, const struct rename *r, size_t n,
		     size_t *count, pactum_diag *diag)
{
	pactum_sink *sink = NULL;
	char *bytes, *line, *end;
	size_t len, i, k;
	int error;

	*count = 0;
	bytes = slurp(path, &len);
	if (bytes == NULL)
		return PACTUM_EIO;
	error = pactum_sink_new(&sink);
	for (line = bytes; error == PACTUM_OK && line < bytes + len;
	     line = end) {
		end = strchr(line, '\n');
		end = end ? end + 1 : bytes + len;
		for (i = 0; i < n; i++) {
			k = strlen(r[i].ctx);
			if (strncmp(line, "msgctxt \"", 9) == 0 &&
			    strncmp(line + 9, r[i].ctx, k) == 0 &&
			    strncmp(line + 9 + k, "\"\n", 2) == 0)
				break;
		}
		if (i == n) {
			error = pactum_sink_write(sink, line, (size_t)(end - line));
			continue;
		}
		error = pactum_sink_puts(sink, "msgctxt \"");
		error |= pactum_sink_puts(sink, r[i].id);
		error |= pactum_sink_puts(sink, "\"\n");
		++*count;
	}
	if (error == PACTUM_OK && *count > 0)
		error = pactum_sink_commit(sink, path, diag);
	pactum_sink_free(sink);
	pactum_free(bytes);
	return error;
}

/* Every LANG.po and the POT of domain in dir. */
static int rename_catalogs(const char *dir, const char *domain,
			   const struct rename *r, size_t n, pactum_diag *diag)
{
	char path[4096];
	struct dirent *e;
	DIR *d;
	size_t count, len;
	int error = PACTUM_OK;

	snprintf(path, sizeof(path), "%s/%s", dir, domain);
	d = opendir(path);
	if (d == NULL) {
		cli_error(_("ids: no catalogs of %s in %s"), domain, dir);
		return PACTUM_EINVAL;
	}
	while (error == PACTUM_OK && (e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len < 4 || (strcmp(e->d_name + len - 3, ".po") != 0 &&
				strcmp(e->d_name + len - 4, ".pot") != 0))
			continue;
		snprintf(path, sizeof(path), "%s/%s/%s", dir, domain, e->d_name);
		error = rename_in(path, r, n, &count, diag);
		if (error == PACTUM_OK && count > 0)
			printf(_("%s: %zu msgctxt renamed\n"), path, count);
	}
	closedir(d);
	return error;
}

int cli_ids(int argc, char **argv)
{
	static const struct option options[] = {
		{ "po-dir", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *po_dir = NULL, *file;
	pactum_registry *reg = NULL;
	pactum_model *model = NULL;
	pactum_diag *diag = NULL;
	struct rename *r = NULL;
	char *bytes = NULL;
	size_t i, n = 0, units, len = 0;
	int c, error, status = EXIT_USAGE;

	while ((c = cli_getopt(argc, argv, "p:h", options)) != -1) {
		switch (c) {
		case 'p':
			po_dir = optarg;
			break;
		case 'h':
			printf(_("Usage: %s ids MODEL.xml [--po-dir DIR]\n"
				 "Give every paragraph, list item and recital "
				 "an id that names it as its\nplace does now "
				 "(\"grant.p2\" becomes id=\"grant-p2\"), "
				 "and rename the msgctxt\nin DIR/DOMAIN/*.po "
				 "and the POT to match, so that inserting, "
				 "deleting or\nmoving a paragraph later "
				 "leaves every other translation as it is.\n"),
			       PACKAGE);
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind + 1 != argc) {
		cli_error("%s", _("ids: give one MODEL file"));
		return EXIT_USAGE;
	}
	file = argv[optind];
	status = EXIT_SYSTEM;
	if (pactum_diag_new(&diag) != PACTUM_OK ||
	    cli_registry(&reg) != PACTUM_OK)
		goto cleanup;
	error = pactum_model_load(&model, reg, file, diag);
	if (error != PACTUM_OK) {
		status = cli_exit_code(error);
		goto cleanup;
	}
	units = pactum_model_unit_count(model);
	r = cli_calloc(units ? units : 1, sizeof(*r));
	bytes = slurp(file, &len);
	if (r == NULL || bytes == NULL)
		goto cleanup;
	for (i = 0; i < units; i++) {
		pactum_pos pos;

		error = pactum_model_unit_suggest_id(model, i, &r[n].id, &pos);
		if (error == PACTUM_ENOTFOUND)
			continue;
		if (error != PACTUM_OK)
			goto cleanup;
		pactum_model_unit(model, i, &r[n].ctx, NULL, NULL, NULL, NULL,
				  NULL);
		r[n].offset = after_name(bytes, len, pos.line, pos.col);
		if (r[n].offset == SIZE_MAX) {
			pactum_diag_report(diag, PACTUM_ERROR, &pos, "%s",
					   _("ids: no element starts here"));
			status = EXIT_INPUT;
			n++;
			goto cleanup;
		}
		n++;
	}
	error = n > 0 ? write_model(file, bytes, len, r, n, diag) : PACTUM_OK;
	if (error == PACTUM_OK && n > 0 && po_dir != NULL)
		error = rename_catalogs(po_dir, pactum_model_domain(model), r,
					n, diag);
	if (error == PACTUM_OK)
		printf(ngettext("%s: %zu id added\n", "%s: %zu ids added\n", n),
		       file, n);
	status = error == PACTUM_EINVAL ? EXIT_USAGE : cli_exit_code(error);
cleanup:
	if (diag && cli_flush(diag) && status == EXIT_OK)
		status = EXIT_SYSTEM;
	for (i = 0; r != NULL && i < n; i++)
		pactum_free(r[i].id);
	pactum_free(r);
	pactum_free(bytes);
	pactum_model_free(model);
	pactum_registry_free(reg);
	pactum_diag_free(diag);
	return status;
}
