/*
 * The pdf writer's parts besides the HTML renderer (html.h): spawn.c
 * finds and runs the browser, pdfdate.c makes its output deterministic.
 */
#ifndef PACTUM_HTML_PDF_H
#define PACTUM_HTML_PDF_H

#include <stddef.h>

#include <pactum/plugin.h>

/* spawn.c */
int pdf_find_browser(char **out, const pactum_options *opts,
		     pactum_diag *diag);
int pdf_run(int *status, const char *const argv[], const char *log,
	    const char *home, unsigned timeout, pactum_diag *diag);

/* pdfdate.c */
void pdf_fix_dates(char *pdf, size_t len, const char *date);

#endif /* PACTUM_HTML_PDF_H */
