/*
 * The pdf writer: the html writer's document, printed by headless
 * Chromium (pactum has no PDF engine of its own).  The HTML goes into a
 * private directory made with mkdtemp() under $TMPDIR, which also holds
 * the browser's profile, home, log and output, and which is removed on
 * every path; the PDF's timestamps are then made the document's
 * (pdfdate.c), so that the same input gives the same bytes.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "html.h"
#include "pdf.h"

/* Larger output than this is refused rather than read. */
#define MAX_PDF ((size_t)1 << 30)
/* The browser's last lines quoted when it fails. */
#define LOG_TAIL 2048

/* Owned: a + b, or NULL when out of memory. */
static char *concat(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = pactum_malloc(la + lb + 1);

	if (s) {
		memcpy(s, a, la);
		memcpy(s + la, b, lb + 1);
	}
	return s;
}

/* Owned: "file://" and path, its bytes outside the unreserved ones
 * percent-encoded. */
static char *file_url(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i, k = 7, len = strlen(path);
	char *url = pactum_malloc(7 + 3 * len + 1);
	unsigned char c;

	if (url == NULL)
		return NULL;
	memcpy(url, "file://", 7);
	for (i = 0; i < len; i++) {
		c = (unsigned char)path[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("/-._~", c)) {
			url[k++] = (char)c;
		} else {
			url[k++] = '%';
			url[k++] = hex[c >> 4];
			url[k++] = hex[c & 15];
		}
	}
	url[k] = '\0';
	return url;
}

static int write_file(const char *path, const char *bytes, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	ssize_t n;

	if (fd < 0)
		return PACTUM_EIO;
	while (len > 0) {
		n = write(fd, bytes, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			return PACTUM_EIO;
		}
		bytes += n;
		len -= (size_t)n;
	}
	return close(fd) == 0 ? PACTUM_OK : PACTUM_EIO;
}

/* *out (owned) = the file's bytes, *len their count; at most max, and
 * the last max bytes when tail is set.  PACTUM_EIO, PACTUM_ENOMEM. */
static int read_file(char **out, size_t *len, const char *path,
		     size_t max, int tail)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), error = PACTUM_EIO;
	size_t size, got = 0;
	struct stat st;
	char *buf = NULL;
	ssize_t n;

	*out = NULL;
	*len = 0;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (!tail && (size_t)st.st_size > max))
		goto cleanup;
	size = (size_t)st.st_size < max ? (size_t)st.st_size : max;
	if (tail && lseek(fd, st.st_size - (off_t)size, SEEK_SET) < 0)
		goto cleanup;
	buf = pactum_malloc(size + 1);
	if (buf == NULL) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	while (got < size) {
		n = read(fd, buf + got, size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	buf[got] = '\0';
	*out = buf;
	*len = got;
	buf = NULL;
	error = PACTUM_OK;

cleanup:
	if (fd >= 0)
		close(fd);
	pactum_free(buf);
	return error;
}

static int remove_entry(const char *path, const struct stat *st, int type,
			struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	remove(path);
	return 0; /* remove what can be removed */
}

/* The temporary directory and all in it, never following a link. */
static void remove_tree(const char *dir)
{
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

/* Report the browser's failure with the end of its log, its noise about
 * the missing D-Bus left out. */
static void report_failure(pactum_diag *diag, const char *browser,
			   int status, const char *logpath)
{
	char *log = NULL, *line, *next;
	size_t len, k = 0;

	if (read_file(&log, &len, logpath, LOG_TAIL, 1) == PACTUM_OK) {
		for (line = log; line && *line; line = next) {
			next = strchr(line, '\n');
			if (next)
				*next++ = '\0';
			if (strstr(line, "dbus") || *line == '\0')
				continue;
			memmove(log + k, line, strlen(line));
			k += strlen(line);
			log[k++] = '\n';
		}
		while (k > 0 && log[k - 1] == '\n')
			k--;
		log[k] = '\0';
	}
	pactum_diag_report(diag, PACTUM_ERROR, NULL,
			   /* TRANSLATORS: %s: the browser; %d its exit
			    * status; then what it said */
			   _("pdf: %s printed no PDF (exit status %d)%s%s"),
			   browser,
			   status >= 0 && WIFEXITED(status) ? WEXITSTATUS(status)
							    : -1,
			   k ? ":\n" : "", k ? log : "");
	pactum_free(log);
}

/* *dir (owned) = a new private directory under $TMPDIR or /tmp. */
static int make_dir(char **dir, pactum_diag *diag)
{
	const char *tmp = getenv("TMPDIR");

	*dir = concat(tmp && *tmp ? tmp : "/tmp", "/pactum-pdf.XXXXXX");
	if (*dir == NULL)
		return PACTUM_ENOMEM;
	if (mkdtemp(*dir) != NULL)
		return PACTUM_OK;
	pactum_diag_report(diag, PACTUM_ERROR, NULL,
			   /* TRANSLATORS: %s: a directory, then why */
			   _("pdf: cannot make a temporary directory in "
			     "%s: %s"), tmp && *tmp ? tmp : "/tmp",
			   strerror(errno));
	pactum_free(*dir);
	*dir = NULL;
	return PACTUM_EIO;
}

/* The files in the directory, by name; owned, NULL when out of memory. */
struct files {
	char *html, *pdf, *log, *profile, *home, *url, *out_flag, *dir_flag;
};

static int name_files(struct files *f, const char *dir)
{
	f->html = concat(dir, "/doc.html");
	f->pdf = concat(dir, "/out.pdf");
	f->log = concat(dir, "/browser.log");
	f->home = concat("HOME=", dir);
	f->profile = concat(dir, "/profile");
	f->url = f->html ? file_url(f->html) : NULL;
	f->out_flag = f->pdf ? concat("--print-to-pdf=", f->pdf) : NULL;
	f->dir_flag = f->profile ? concat("--user-data-dir=", f->profile)
				 : NULL;
	return f->html && f->pdf && f->log && f->home && f->profile &&
			       f->url && f->out_flag && f->dir_flag
		       ? PACTUM_OK : PACTUM_ENOMEM;
}

static void free_files(struct files *f)
{
	pactum_free(f->html);
	pactum_free(f->pdf);
	pactum_free(f->log);
	pactum_free(f->profile);
	pactum_free(f->home);
	pactum_free(f->url);
	pactum_free(f->out_flag);
	pactum_free(f->dir_flag);
}

/* Print f->html to f->pdf with browser; PACTUM_EIO after reporting. */
static int print(const char *browser, const struct files *f,
		 unsigned timeout, pactum_diag *diag)
{
	/* no network, no extensions, no first-run work: the page is ours */
	const char *argv[] = {
		browser, "--headless", "--no-sandbox", "--disable-gpu",
		"--no-pdf-header-footer", "--disable-component-update",
		"--disable-background-networking", "--disable-extensions",
		"--no-first-run", f->dir_flag, f->out_flag, f->url, NULL
	};
	struct stat st;
	int status, error;

	error = pdf_run(&status, argv, f->log, f->home, timeout, diag);
	if (error != PACTUM_OK)
		return error;
	if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	    stat(f->pdf, &st) == 0 && st.st_size > 0)
		return PACTUM_OK;
	report_failure(diag, browser, status, f->log);
	return PACTUM_EIO;
}

static int pdf_write(pactum_sink *sink, const pactum_doc *doc,
		     const pactum_options *opts, pactum_diag *diag)
{
	char *browser = NULL, *dir = NULL, *pdf = NULL;
	pactum_sink *html = NULL;
	const char *html_bytes;
	struct files f = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
	size_t html_len = 0, pdf_len = 0;
	unsigned timeout;
	int error;

	error = pactum_options_get_uint(&timeout, opts, "timeout", 120, 1,
					3600, diag);
	if (error != PACTUM_OK)
		goto cleanup;
	error = pdf_find_browser(&browser, opts, diag);
	if (error != PACTUM_OK)
		goto cleanup;
	if ((error = pactum_sink_new(&html)) != PACTUM_OK ||
	    (error = html_render(html, doc, opts, diag)) != PACTUM_OK)
		goto cleanup;
	html_bytes = pactum_sink_data(html, &html_len);
	error = make_dir(&dir, diag);
	if (error != PACTUM_OK)
		goto cleanup;
	error = name_files(&f, dir);
	if (error != PACTUM_OK)
		goto cleanup;
	if (mkdir(f.home + 5, 0700) != 0 && errno != EEXIST) {
		error = PACTUM_EIO;
		goto cleanup;
	}
	error = write_file(f.html, html_bytes, html_len);
	if (error == PACTUM_OK)
		error = print(browser, &f, timeout, diag);
	if (error != PACTUM_OK)
		goto cleanup;
	error = read_file(&pdf, &pdf_len, f.pdf, MAX_PDF, 0);
	if (error == PACTUM_OK &&
	    (pdf_len < 5 || memcmp(pdf, "%PDF-", 5) != 0)) {
		pactum_diag_report(diag, PACTUM_ERROR, NULL,
				   /* TRANSLATORS: %s is the browser */
				   _("pdf: %s wrote something that is not a "
				     "PDF"), browser);
		error = PACTUM_EIO;
	}
	if (error != PACTUM_OK)
		goto cleanup;
	pdf_fix_dates(pdf, pdf_len, pactum_doc_date(doc));
	error = pactum_sink_write(sink, pdf, pdf_len);

cleanup:
	if (dir)
		remove_tree(dir);
	free_files(&f);
	pactum_free(pdf);
	pactum_free(dir);
	pactum_sink_free(html);
	pactum_free(browser);
	return error;
}

static const pactum_option_spec pdf_options[] = {
	{ "paper", PACTUM_OPTION_CHOICE, 0, 0, html_papers,
	  "the paper size: a4 (the default) or letter" },
	{ "chromium", PACTUM_OPTION_STRING, 0, 0, NULL,
	  "the browser to print with (else $PACTUM_CHROMIUM, else "
	  "chromium, chromium-browser or google-chrome on PATH)" },
	{ "timeout", PACTUM_OPTION_UINT, 1, 3600, NULL,
	  "seconds the browser may take (default 120)" },
	{ NULL, 0, 0, 0, NULL, NULL }
};

static const char *const suffixes[] = { "pdf", NULL };

PACTUM_WRITER_DEFINE_SUFFIXES("pdf", VERSION,
		     "PDF, the html writer's document printed by headless "
		     "Chromium",
		     suffixes,
		     pdf_write, pdf_options);
