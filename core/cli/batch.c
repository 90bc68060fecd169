/*
 * pactum batch: one agreement per deal of a deal file, in one process.
 *
 * The model, catalogs and writers load once.  The deal file is read twice,
 * streamed both times: first for the file names (two deals that would
 * write one file stop the batch before anything is written), then to
 * render.  The main thread reads; worker threads render and commit, each
 * deal on its own; the main thread takes their results back in deal
 * order, so messages, the manifest and every file are the same whatever
 * --jobs says.  At most QUEUE_PER_JOB deals per thread are in flight:
 * memory does not grow with the deal file.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"

#define QUEUE_PER_JOB 4

enum { EXIT_SOME_FAILED = 5, EXIT_INTERRUPTED = 130 };

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

/* ------------------------------------------------------ setup -------- */

static void batch_usage(FILE *fp)
{
	fprintf(fp,
		_("Usage: %s batch MODEL.xml --data DEALS.xml --output-dir DIR "
		  "[OPTION]...\n"),
		PACKAGE);
	fputs(_("Render one agreement per deal of a deal file, in one "
		"process.\n"
		"\n"
		"  -d, --data=FILE       the deals: a <deals> file of <deal>s, "
		"or one <deal>\n"
		"  -D, --output-dir=DIR  where the agreements go (made if "
		"missing)\n"
		"  -n, --name=PATTERN    file names: {record} (the deal's "
		"number, 000001)\n"
		"                        and {NAME} for a deal's value, e.g.\n"
		"                        '{reseller.name} {order-number}'; "
		"default {record}\n"
		"  -f, --format=NAMES    writers, comma-separated (default "
		"text): a file each\n"
		"  -j, --jobs=N          render on N threads (default: the "
		"processors)\n"
		"      --resume          skip deals whose files an earlier run "
		"completed\n"
		"      --manifest=FILE   the journal of the run (default "
		"DIR/manifest.jsonl)\n"
		"      --shard=K/N       render only every N-th deal from the "
		"K-th: one of N\n"
		"                        runs (machines) that share the "
		"batch\n"
		"      --progress        show progress even when stderr is not "
		"a terminal\n"
		"      --no-progress     never show it\n"
		"  -s, -l, -L, -O, -w, --charset, --transliterate, --draft,\n"
		"  --catalog-path        as for 'pactum render', for every "
		"deal\n"
		"  -h, --help            show this help and exit\n"
		"\n"
		"Exit status: 0 all rendered, 1 bad model or deal file, 2 bad "
		"command line,\n"
		"4 cannot write, 5 some deals failed (the others are written), "
		"130 interrupted.\n"),
	      fp);
}

/* Split --format, find each writer, give each the options it takes: an
 * option no writer takes is an error, one some take goes to those. */
static int setup_formats(struct batch *b, char *list, pactum_diag *diag)
{
	char *save = NULL, *tok;
	size_t i, j, used;
	int error = 0;

	for (tok = strtok_r(list, ",", &save); tok && !error;
	     tok = strtok_r(NULL, ",", &save)) {
		struct format *f = &b->formats[b->nformats];
		const pactum_option_spec *spec;
		const char *const *sfx;

		if (b->nformats == BATCH_MAX_FORMATS) {
			cli_error(_("--format names more than %d writers"),
				  BATCH_MAX_FORMATS);
			return -1;
		}
		f->writer = cli_find_writer(b->reg, tok);
		if (f->writer == NULL)
			return -1;
		for (i = 0; i < b->nformats; i++)
			if (b->formats[i].writer == f->writer) {
				cli_error(_("--format names '%s' twice"), tok);
				return -1;
			}
		sfx = pactum_plugin_suffixes(f->writer);
		f->suffix = sfx && sfx[0] ? sfx[0] : pactum_plugin_name(f->writer);
		for (i = 0; i < b->nformats; i++)
			if (strcmp(b->formats[i].suffix, f->suffix) == 0) {
				cli_error(_("--format: '%s' and '%s' both write "
					    ".%s files"),
					  pactum_plugin_name(b->formats[i].writer),
					  tok, f->suffix);
				return -1;
			}
		if (pactum_options_new(&f->opts) != PACTUM_OK)
			return -2;
		b->nformats++;
		if (pactum_options_layout_given(b->set.opts))
			pactum_options_set_layout(
				f->opts, pactum_options_layout(b->set.opts));
		spec = pactum_plugin_options(f->writer);
		for (j = 0; spec && spec[j].name; j++) {
			const char *v = pactum_options_get(b->set.opts,
							   spec[j].name);

			if (v && pactum_options_set(f->opts, spec[j].name, v) !=
					 PACTUM_OK)
				return -2;
		}
		switch (pactum_options_check(f->opts, f->writer, diag)) {
		case PACTUM_OK:
			break;
		case PACTUM_ENOMEM:
			return -2;
		default:
			error = -1;
		}
	}
	if (b->nformats == 0) {
		cli_error("%s", _("--format names no writer"));
		return -1;
	}
	/* every option given must go somewhere */
	for (i = 0; !error && i < pactum_options_count(b->set.opts); i++) {
		const char *key = pactum_options_key(b->set.opts, i);

		for (used = j = 0; j < b->nformats; j++)
			used |= pactum_options_get(b->formats[j].opts, key) !=
				NULL;
		if (!used) {
			cli_error(_("no writer of --format takes option '%s' "
				    "(see 'pactum plugins')"),
				  key);
			error = -1;
		}
	}
	return error;
}

/* The fingerprint of everything but the deal that makes its files: the
 * model file, the languages, writers and their options, draft mode. */
static int fingerprint_run(struct batch *b, const char *model_path)
{
	pactum_sink *key = NULL;
	char model[BATCH_SHA256_HEX];
	size_t i, j;
	int error = -1;

	if (batch_sha256_file(model, model_path) != 0 ||
	    pactum_sink_new(&key) != PACTUM_OK)
		goto cleanup;
	error = pactum_sink_puts(key, PACKAGE_VERSION "\n") |
		pactum_sink_puts(key, model) |
		pactum_sink_puts(key, b->set.draft ? "\ndraft\n" : "\n");
	for (i = 0; i < b->nlangs; i++)
		error |= pactum_sink_puts(key, b->langs[i]) |
			 pactum_sink_puts(key, ",");
	for (i = 0; i < b->nformats; i++) {
		const pactum_options *o = b->formats[i].opts;

		char layout[16];

		snprintf(layout, sizeof(layout), " %d",
			 (int)pactum_options_layout(o));
		error |= pactum_sink_puts(key, "\n") |
			 pactum_sink_puts(key,
					  pactum_plugin_name(b->formats[i].writer)) |
			 pactum_sink_puts(key, layout);
		for (j = 0; j < pactum_options_count(o); j++)
			error |= pactum_sink_puts(key, " ") |
				 pactum_sink_puts(key, pactum_options_key(o, j)) |
				 pactum_sink_puts(key, "=") |
				 pactum_sink_puts(key, pactum_options_get(
							       o, pactum_options_key(o, j)));
	}
	if (error == PACTUM_OK) {
		size_t len;
		const char *bytes = pactum_sink_data(key, &len);

		batch_sha256_hex(b->run, bytes, len);
	}
cleanup:
	pactum_sink_free(key);
	return error == PACTUM_OK ? 0 : -1;
}

/* ------------------------------------------------------ pass 1: names */

/* The --set values over the deal's own, then its file name; 1 after
 * reporting to diag, -2 when out of memory. */
static int prepare(char **name, struct batch *b, pactum_data *data,
		   pactum_diag *diag, size_t record, const pactum_pos *pos)
{
	int i;

	*name = NULL;
	for (i = 0; i < b->set.nsets; i++)
		if (pactum_data_set_arg(data, b->set.sets[i], diag) ==
		    PACTUM_ENOMEM)
			return -2;
	return batch_names_expand(name, b->names, data, record, diag, pos);
}

/* Nonzero when the deal is another shard's. */
static int elsewhere(const struct batch *b, size_t record)
{
	return b->shards > 1 && (record - 1) % b->shards != b->shard - 1;
}

/* Two deals would write one file: say which, with the name. */
static void report_collision(const pactum_pos *pos, size_t record,
			     const char *name, size_t other, uint32_t line)
{
	char *file = pactum_text_escape(pos->file);

	fprintf(stderr,
		_("%s:%lu: error: deal %zu would be written as '%s', as deal "
		  "%zu (line %lu) is: make --name tell them apart, with "
		  "{record} say\n"),
		file ? file : "?", (unsigned long)pos->line, record, name, other,
		(unsigned long)line);
	pactum_free(file);
}

/* Pass 1 (b->exact 0): every name's hash; one seen before makes a
 * candidate.  Pass 1b (b->exact 1, only when there are candidates): the
 * candidates' names, compared in full. */
static int claim_name(void *ctx, pactum_data *data, pactum_diag *ddiag,
		      size_t record, const pactum_pos *pos)
{
	struct batch *b = ctx;
	pactum_diag *diag = NULL;
	char *name = NULL;
	uint32_t line = pos->line;
	uint64_t h;
	size_t other;
	int error = PACTUM_OK, seen;

	/* every shard checks every name: all see the same collisions */
	if (!b->exact)
		b->total += !elsewhere(b, record);
	/* a bad deal is reported when it is rendered, and writes nothing */
	if (pactum_diag_count(ddiag, PACTUM_ERROR) > 0)
		goto cleanup;
	if (pactum_diag_new(&diag) != PACTUM_OK) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	if (prepare(&name, b, data, diag, record, pos) == -2) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	if (name == NULL)
		goto cleanup;
	h = batch_name_hash(name);
	if (!b->exact) {
		seen = batch_hashset_add(&b->seen, h);
		if (seen == 1)
			seen = batch_hashset_add(&b->candidates, h) < 0 ? -1 : 1;
		if (seen < 0)
			error = PACTUM_ENOMEM;
		goto cleanup;
	}
	if (!batch_hashset_has(b->candidates, h))
		goto cleanup;
	other = batch_names_claim(b->names, name, record, &line);
	if (other == (size_t)-1)
		error = PACTUM_ENOMEM;
	else if (other != 0 && ++b->collisions <= 20)
		report_collision(pos, record, name, other, line);
cleanup:
	pactum_free(name);
	pactum_diag_free(diag);
	pactum_diag_free(ddiag);
	pactum_data_free(data);
	return interrupted ? PACTUM_EIO : error;
}

static void *worker(void *arg)
{
	struct batch *b = arg;
	struct job *job;

	pthread_mutex_lock(&b->lock);
	for (;;) {
		while (b->next == b->count && !b->closing)
			pthread_cond_wait(&b->work, &b->lock);
		if (b->next == b->count)
			break;
		job = b->ring[(b->head + b->next++) % b->cap];
		job->state = RUNNING;
		pthread_mutex_unlock(&b->lock);
		batch_render_job(b, job);
		pthread_mutex_lock(&b->lock);
		job->state = DONE;
		pthread_cond_broadcast(&b->done);
	}
	pthread_mutex_unlock(&b->lock);
	return NULL;
}

/* ------------------------------------------------------ results ------ */

static double seconds_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) +
	       (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void show_progress(struct batch *b, int last)
{
	size_t done = b->rendered + b->failed + b->skipped;
	double t = seconds_since(&b->start), rate = t > 0 ? done / t : 0;

	if (!b->progress || (!last && seconds_since(&b->shown) < 0.2))
		return;
	clock_gettime(CLOCK_MONOTONIC, &b->shown);
	fputc('\r', stderr);
	/* TRANSLATORS: progress: done/total, deals per second, failures,
	 * seconds left */
	fprintf(stderr, _("%zu/%zu deals, %.0f/s, %zu failed, ETA %.0f s "),
		done, b->total, rate, b->failed,
		rate > 0 ? (double)(b->total - done) / rate : 0.0);
	if (last || !isatty(STDERR_FILENO))
		fputc('\n', stderr);
}

/* "DEALS:LINE:COL: error: deal N is not written", above its reasons. */
static void print_failed(const struct job *job)
{
	char *file = pactum_text_escape(job->pos.file);

	fprintf(stderr,
		_("%s:%lu:%lu: error: deal %zu is not written (the others go "
		  "on):\n"),
		file ? file : "?", (unsigned long)job->pos.line,
		(unsigned long)job->pos.col, job->record);
	pactum_free(file);
}

/* The oldest job is done: its messages, its manifest line, its count. */
static void retire(struct batch *b, struct job *job)
{
	/* the manifest first: its failure is printed with the deal's own */
	if (!b->broken && job->line == NULL) {
		pactum_diag_report(job->diag, PACTUM_ERROR, &job->pos, "%s",
				   _("out of memory"));
		b->broken = 1;
	} else if (!b->broken && batch_manifest_append(b->manifest, job->line,
							job->diag) != 0) {
		b->broken = 1;
	}
	if (pactum_diag_size(job->diag) > 0 || job->result == FAILED) {
		if (b->progress && isatty(STDERR_FILENO))
			fputs("\r\033[K", stderr);
		/* the deal first, then its problems, wherever they are */
		if (job->result == FAILED)
			print_failed(job);
		cli_flush(job->diag);
	}
	b->nomem |= job->nomem;
	b->rendered += job->result == RENDERED;
	b->failed += job->result == FAILED;
	b->skipped += job->result == SKIPPED;
	show_progress(b, 0);
	pactum_diag_free(job->diag);
	batch_previous_free(job->prev);
	pactum_free(job->name);
	pactum_free(job->line);
	pactum_free(job);
}

/* Retire the jobs at the head that are done; with wait, until the ring
 * has room (or, when closing, is empty).  Called with the lock held. */
static void retire_done(struct batch *b, int wait)
{
	for (;;) {
		struct job *job;

		if (b->count > 0 && b->ring[b->head]->state == DONE) {
			job = b->ring[b->head];
			b->head = (b->head + 1) % b->cap;
			b->count--;
			b->next--;
			pthread_mutex_unlock(&b->lock);
			retire(b, job);
			pthread_mutex_lock(&b->lock);
			continue;
		}
		if (!wait || b->count == 0 ||
		    (!b->closing && b->count < b->cap))
			return;
		pthread_cond_wait(&b->done, &b->lock);
	}
}

static int queue_deal(void *ctx, pactum_data *data, pactum_diag *ddiag,
		      size_t record, const pactum_pos *pos)
{
	struct batch *b = ctx;
	struct job *job;
	int error;

	if (elsewhere(b, record)) {
		pactum_data_free(data);
		pactum_diag_free(ddiag);
		return interrupted ? PACTUM_EIO : PACTUM_OK;
	}
	job = cli_calloc(1, sizeof(*job));
	if (job == NULL) {
		pactum_data_free(data);
		pactum_diag_free(ddiag);
		return PACTUM_ENOMEM;
	}
	job->record = record;
	job->pos = *pos;
	job->pos.file = b->deals;
	job->data = data;
	job->diag = ddiag;
	if (pactum_diag_count(ddiag, PACTUM_ERROR) == 0 &&
	    prepare(&job->name, b, data, ddiag, record, pos) == -2)
		error = PACTUM_ENOMEM;
	else
		error = PACTUM_OK;
	if (b->resume && job->name)
		job->prev = batch_manifest_previous(b->manifest, record);
	pthread_mutex_lock(&b->lock);
	retire_done(b, 1);
	b->ring[(b->head + b->count++) % b->cap] = job;
	pthread_cond_signal(&b->work);
	retire_done(b, 0);
	pthread_mutex_unlock(&b->lock);
	if (error == PACTUM_OK && (interrupted || b->broken || b->nomem))
		error = PACTUM_EIO;
	return error;
}

/* ------------------------------------------------------ the run ------ */

static char *manifest_header(const struct batch *b, const char *model)
{
	pactum_sink *h = NULL;
	char *out = NULL;
	size_t i, len;
	int error;

	if (pactum_sink_new(&h) != PACTUM_OK)
		return NULL;
	error = pactum_sink_puts(h, "{\"manifest\":1,\"pactum\":\"" PACKAGE_VERSION
				    "\",\"model\":") |
		batch_json_string(h, model) |
		pactum_sink_puts(h, ",\"data\":") |
		batch_json_string(h, b->deals) |
		pactum_sink_puts(h, ",\"run\":\"") |
		pactum_sink_puts(h, b->run) |
		pactum_sink_puts(h, "\",\"lang\":\"");
	for (i = 0; i < b->nlangs; i++)
		error |= pactum_sink_puts(h, i ? "," : "") |
			 pactum_sink_puts(h, b->langs[i]);
	error |= pactum_sink_puts(h, "\",\"format\":\"");
	for (i = 0; i < b->nformats; i++)
		error |= pactum_sink_puts(h, i ? "," : "") |
			 pactum_sink_puts(h, pactum_plugin_name(
						     b->formats[i].writer));
	error |= pactum_sink_puts(h, "\"}");
	if (error == PACTUM_OK) {
		const char *bytes = pactum_sink_data(h, &len);

		out = pactum_strndup(bytes, len);
	}
	pactum_sink_free(h);
	return out;
}

/* Start nthreads workers with the signals that stop a run blocked, so
 * that they reach the main thread, which stops reading and lets the
 * deals in flight finish. */
static int start_workers(struct batch *b, pthread_t *threads, int nthreads)
{
	sigset_t block, saved;
	int i, started = 0;

	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &block, &saved);
	for (i = 0; i < nthreads; i++)
		if (pthread_create(&threads[i], NULL, worker, b) == 0)
			started++;
	pthread_sigmask(SIG_SETMASK, &saved, NULL);
	return started;
}

/* The files were committed without fsync: sync their file system once,
 * before the manifest that lists them. */
static int sync_outdir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), error = 0;

	if (fd < 0 || syncfs(fd) != 0) {
		cli_error(_("--output-dir %s: cannot sync: %s"), dir,
			  strerror(errno));
		error = -1;
	}
	if (fd >= 0)
		close(fd);
	return error;
}

static int make_outdir(const char *dir)
{
	struct stat st;

	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		cli_error(_("--output-dir %s: %s"), dir, strerror(errno));
		return -1;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		cli_error(_("--output-dir %s is not a directory"), dir);
		return -1;
	}
	return 0;
}

int cli_batch(int argc, char **argv)
{
	static const struct option options[] = {
		CLI_SETTINGS_LONGOPTS,
		{ "output-dir", required_argument, NULL, 'D' },
		{ "name", required_argument, NULL, 'n' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "resume", no_argument, NULL, CLI_OPT_FIRST_OWN },
		{ "manifest", required_argument, NULL, CLI_OPT_FIRST_OWN + 1 },
		{ "progress", no_argument, NULL, CLI_OPT_FIRST_OWN + 2 },
		{ "no-progress", no_argument, NULL, CLI_OPT_FIRST_OWN + 3 },
		{ "shard", required_argument, NULL, CLI_OPT_FIRST_OWN + 4 },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct batch b;
	struct sigaction sa, old_int, old_term, old_hup;
	const char *pattern = "{record}", *manifest_path = NULL;
	char *manifest_alloc = NULL, *header = NULL, *formats = NULL, *end;
	pactum_diag *diag = NULL;
	pthread_t threads[MAX_JOBS];
	struct stat before, after;
	long jobs = sysconf(_SC_NPROCESSORS_ONLN);
	int c, taken, nthreads = 0, i, progress = -1, handlers = 0;
	int status = EXIT_SYSTEM, error;
	char extra;

	memset(&b, 0, sizeof(b));
	if (cli_settings_init(&b.set, argc) != PACTUM_OK ||
	    pactum_diag_new(&diag) != PACTUM_OK)
		goto nomem;
	status = EXIT_USAGE;
	while ((c = cli_getopt(argc, argv,
			       CLI_SETTINGS_SHORTOPTS "D:n:j:h", options)) != -1) {
		taken = cli_settings_option(&b.set, c, optarg);
		if (taken == -2)
			goto nomem;
		if (taken == -1)
			goto cleanup;
		if (taken == 1)
			continue;
		if ((c == 'D' && cli_twice(&b.set.seen, 1u << 16, "--output-dir")) ||
		    (c == 'n' && cli_twice(&b.set.seen, 1u << 17, "--name")) ||
		    (c == 'j' && cli_twice(&b.set.seen, 1u << 18, "--jobs")) ||
		    (c == CLI_OPT_FIRST_OWN + 1 &&
		     cli_twice(&b.set.seen, 1u << 19, "--manifest")))
			goto cleanup;
		switch (c) {
		case 'D':
			b.outdir = optarg;
			break;
		case 'n':
			pattern = optarg;
			break;
		case 'j':
			errno = 0;
			jobs = strtol(optarg, &end, 10);
			if (errno || end == optarg || *end || jobs < 1 ||
			    jobs > MAX_JOBS) {
				cli_error(_("--jobs wants a number from 1 to "
					    "%d, not '%s'"),
					  MAX_JOBS, optarg);
				goto cleanup;
			}
			break;
		case CLI_OPT_FIRST_OWN:
			b.resume = 1;
			break;
		case CLI_OPT_FIRST_OWN + 1:
			manifest_path = optarg;
			break;
		case CLI_OPT_FIRST_OWN + 2:
		case CLI_OPT_FIRST_OWN + 3:
			progress = c == CLI_OPT_FIRST_OWN + 2;
			break;
		case CLI_OPT_FIRST_OWN + 4:
			if (sscanf(optarg, "%zu/%zu%c", &b.shard, &b.shards,
				   &extra) != 2 ||
			    b.shards < 1 || b.shard < 1 || b.shard > b.shards ||
			    b.shards > 1000000) {
				cli_error(_("--shard wants K/N, this run's part "
					    "of N (1/4 to 4/4), not '%s'"),
					  optarg);
				goto cleanup;
			}
			break;
		case 'h':
			batch_usage(stdout);
			status = EXIT_OK;
			goto cleanup;
		default:
			batch_usage(stderr);
			goto cleanup;
		}
	}
	if (optind + 1 != argc || b.set.data_file == NULL || b.outdir == NULL) {
		cli_error("%s", _("batch: give one MODEL file, --data and "
				  "--output-dir"));
		batch_usage(stderr);
		goto cleanup;
	}
	b.deals = b.set.data_file;
	if (jobs < 1)
		jobs = 1;
	if (jobs > MAX_JOBS)
		jobs = MAX_JOBS;
	b.progress = progress >= 0 ? progress : isatty(STDERR_FILENO);
	if (b.set.lang_list != NULL) {
		int n = cli_split_langs(b.set.lang_list, b.langs);

		if (n == -2)
			goto nomem;
		if (n < 0)
			goto cleanup;
		b.nlangs = (size_t)n;
	}
	switch (batch_names_new(&b.names, pattern)) {
	case -2:
		goto nomem;
	case -1:
		goto cleanup;
	}
	formats = cli_strdup(b.set.formats);
	if (formats == NULL)
		goto nomem;

	status = EXIT_SYSTEM;
	if (cli_registry(&b.reg) != PACTUM_OK)
		goto nomem;
	error = setup_formats(&b, formats, diag);
	if (error == -2)
		goto nomem;
	if (error != 0) {
		status = EXIT_USAGE;
		goto cleanup;
	}
	error = pactum_model_load(&b.model, b.reg, argv[optind], diag);
	if (error == PACTUM_OK && b.nlangs == 0)
		b.langs[b.nlangs++] = pactum_model_prevailing(b.model);
	if (error == PACTUM_OK)
		error = pactum_translator_new(&b.tr, b.set.catalog_path);
	if (error != PACTUM_OK) {
		status = cli_exit_code(error);
		goto cleanup;
	}
	pactum_translator_set_draft(b.tr, b.set.draft);
	if (fingerprint_run(&b, argv[optind]) != 0)
		goto nomem;

	/* Stop cleanly on ^C, kill or hang-up: what is in flight is
	 * finished and recorded, so --resume goes on from there. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
	handlers = 1;

	/* Pass 1: every deal's name, before anything is written. */
	if (stat(b.deals, &before) != 0)
		memset(&before, 0, sizeof(before));
	error = pactum_data_each(b.reg, b.deals, claim_name, &b, diag);
	batch_hashset_free(b.seen);
	b.seen = NULL;
	if (error == PACTUM_OK && b.candidates != NULL && !interrupted) {
		b.exact = 1;
		error = pactum_data_each(b.reg, b.deals, claim_name, &b, diag);
	}
	batch_hashset_free(b.candidates);
	b.candidates = NULL;
	if (error != PACTUM_OK || b.collisions > 0 || interrupted) {
		if (b.collisions > 20)
			cli_error(_("%zu deals in all would overwrite another's "
				    "file"),
				  b.collisions);
		status = interrupted ? EXIT_INTERRUPTED
			 : error == PACTUM_OK ? EXIT_INPUT
					      : cli_exit_code(error);
		goto cleanup;
	}
	if (make_outdir(b.outdir) != 0)
		goto cleanup;
	if (manifest_path == NULL) {
		/* each shard its own: they run at once */
		size_t len = strlen(b.outdir) + 64;

		manifest_alloc = pactum_malloc(len);
		if (manifest_alloc == NULL)
			goto nomem;
		if (b.shards > 1)
			snprintf(manifest_alloc, len,
				 "%s/manifest-%zu-of-%zu.jsonl", b.outdir,
				 b.shard, b.shards);
		else
			snprintf(manifest_alloc, len, "%s/manifest.jsonl",
				 b.outdir);
		manifest_path = manifest_alloc;
	}
	header = manifest_header(&b, argv[optind]);
	if (header == NULL)
		goto nomem;
	error = batch_manifest_open(&b.manifest, manifest_path, b.resume,
				    header, diag);
	if (error != PACTUM_OK) {
		status = cli_exit_code(error);
		goto cleanup;
	}

	/* Pass 2: render. */
	b.cap = (size_t)jobs * QUEUE_PER_JOB;
	b.ring = cli_calloc(b.cap, sizeof(*b.ring));
	if (b.ring == NULL || pthread_mutex_init(&b.lock, NULL) != 0 ||
	    pthread_cond_init(&b.work, NULL) != 0 ||
	    pthread_cond_init(&b.done, NULL) != 0)
		goto nomem;
	clock_gettime(CLOCK_MONOTONIC, &b.start);
	nthreads = start_workers(&b, threads, (int)jobs);
	error = nthreads > 0 ? pactum_data_each(b.reg, b.deals, queue_deal,
						 &b, diag)
			     : PACTUM_ENOMEM;
	pthread_mutex_lock(&b.lock);
	b.closing = 1;
	pthread_cond_broadcast(&b.work);
	retire_done(&b, 1);
	pthread_mutex_unlock(&b.lock);
	for (i = 0; i < nthreads; i++)
		pthread_join(threads[i], NULL);
	if (sync_outdir(b.outdir) != 0)
		b.broken = 1;
	if (b.manifest) {
		if (batch_manifest_close(b.manifest, diag) != 0)
			b.broken = 1;
		b.manifest = NULL;
	}
	show_progress(&b, 1);
	if (stat(b.deals, &after) == 0 &&
	    (after.st_size != before.st_size ||
	     after.st_mtim.tv_sec != before.st_mtim.tv_sec ||
	     after.st_mtim.tv_nsec != before.st_mtim.tv_nsec)) {
		cli_error(_("%s changed while the batch ran: check the files, "
			    "or run it again"),
			  b.deals);
		error = PACTUM_EINPUT;
	}
	fprintf(stderr,
		interrupted
			? _("%s: %zu rendered, %zu failed, %zu skipped, of %zu "
			    "deals (interrupted)\n")
			: _("%s: %zu rendered, %zu failed, %zu skipped, of %zu "
			    "deals\n"),
		PACKAGE, b.rendered, b.failed, b.skipped, b.total);
	/* queue_deal()'s PACTUM_EIO, which stops the reading, comes with one
	 * of the flags above; any other is the deal file's own, a read that
	 * failed, and no success. */
	status = interrupted ? EXIT_INTERRUPTED
		 : b.broken || b.nomem ? EXIT_SYSTEM
		 : error != PACTUM_OK ? cli_exit_code(error)
		 : b.failed > 0 ? EXIT_SOME_FAILED
				 : EXIT_OK;
	goto cleanup;
nomem:
	fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
	status = EXIT_SYSTEM;
cleanup:
	if (diag && cli_flush(diag) && status == EXIT_OK)
		status = EXIT_SYSTEM;
	if (handlers) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGTERM, &old_term, NULL);
		sigaction(SIGHUP, &old_hup, NULL);
	}
	if (b.manifest)
		batch_manifest_close(b.manifest, diag);
	if (b.ring) {
		pthread_mutex_destroy(&b.lock);
		pthread_cond_destroy(&b.work);
		pthread_cond_destroy(&b.done);
	}
	pactum_free(b.ring);
	for (i = 0; i < (int)b.nformats; i++)
		pactum_options_free(b.formats[i].opts);
	batch_names_free(b.names);
	batch_hashset_free(b.seen);
	batch_hashset_free(b.candidates);
	pactum_translator_free(b.tr);
	pactum_model_free(b.model);
	pactum_registry_free(b.reg);
	pactum_diag_free(diag);
	cli_settings_clear(&b.set);
	pactum_free(formats);
	pactum_free(header);
	pactum_free(manifest_alloc);
	return status;
}
