/* pactum batch: its parts.  batch.c drives the run (two passes over the
 * deal file, a pool of threads, the order results are kept in),
 * batchdeal.c renders one deal, names.c
 * makes file names from deal values, manifest.c keeps the journal that
 * makes a run auditable and resumable. */
#ifndef PACTUM_BATCH_H
#define PACTUM_BATCH_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "cli.h"

#define BATCH_MAX_FORMATS 8
#define BATCH_SHA256_HEX 65 /* 64 hex digits and a NUL */

/* ------------------------------------------------------------------ */
/* File names (names.c)                                                */

typedef struct batch_names batch_names;

/* A --name pattern: text with {NAME} placeholders, each a value of the
 * deal ("{reseller.name}"), or {record} for the deal's number in the
 * file, six digits or more.  Returns 0; -1 after reporting what is wrong
 * with the pattern; -2 when out of memory.  Owned: batch_names_free(). */
int batch_names_new(batch_names **out, const char *pattern);
void batch_names_free(batch_names *names);

/* The file name of a deal, without its suffix: the pattern with each
 * placeholder replaced by the deal's value made safe for a file name
 * (no '/', no control or bidirectional characters, nothing that Windows
 * shares refuse, no leading dot, at most 200 bytes).  Owned: free().
 * Returns 0, 1 after reporting to diag at pos why the deal has no name
 * (a value missing, a name left empty), or -2 when out of memory. */
int batch_names_expand(char **out, const batch_names *names,
		       const pactum_data *data, size_t record,
		       pactum_diag *diag, const pactum_pos *pos);

/* Claim name for the deal record starting on line: 0 when no deal had it
 * before, ignoring ASCII case as some file systems do; else the record of
 * the deal that has it (and *line its line); (size_t)-1 when out of
 * memory (or past 2^32 deals). */
size_t batch_names_claim(batch_names *names, const char *name, size_t record,
			 uint32_t *line);

/* The first pass keeps only a 64-bit hash of each name (8 to 16 bytes a
 * deal, where the names themselves would take 50): a name whose hash was
 * seen is a candidate, and only candidates are claimed by name, in a
 * second pass, to tell a real collision from a hash's. */
typedef struct batch_hashset batch_hashset;
uint64_t batch_name_hash(const char *name);
/* 1 when h was in *set, 0 when added (the set made on first use), -1
 * when out of memory. */
int batch_hashset_add(batch_hashset **set, uint64_t h);
int batch_hashset_has(const batch_hashset *set, uint64_t h);
void batch_hashset_free(batch_hashset *set);

/* ------------------------------------------------------------------ */
/* Checksums                                                           */

/* The SHA-256 of len bytes, in lowercase hex. */
void batch_sha256_hex(char hex[BATCH_SHA256_HEX], const void *bytes,
		      size_t len);
/* The SHA-256 of a file's content, in hex; nonzero when it cannot be read
 * (it is missing, say). */
int batch_sha256_file(char hex[BATCH_SHA256_HEX], const char *path);

/* ------------------------------------------------------------------ */
/* The manifest (manifest.c)                                           */

typedef struct batch_manifest batch_manifest;

/* What the manifest said of a deal in an earlier run. */
typedef struct batch_previous {
	int rendered;                 /* its status was "rendered" */
	char input[BATCH_SHA256_HEX]; /* the fingerprint of its input */
	size_t nfiles;
	char *files[BATCH_MAX_FORMATS];
	char sha256[BATCH_MAX_FORMATS][BATCH_SHA256_HEX];
	char *line;                   /* the whole line, without newline */
} batch_previous;

void batch_previous_free(batch_previous *prev);

/* Open the manifest at path for a run whose first line is header (a JSON
 * object).  A fresh run starts it anew; a resumed one keeps what earlier
 * runs wrote (less a line a kill cut off) and appends.  Returns
 * PACTUM_OK; PACTUM_EINPUT when what is there is no manifest a resume can
 * go on from, or PACTUM_EIO, each reported to diag; or PACTUM_ENOMEM,
 * not reported.  Owned: batch_manifest_close(). */
int batch_manifest_open(batch_manifest **out, const char *path, int resume,
			const char *header, pactum_diag *diag);
/* The last line earlier runs wrote for record, or NULL; owned:
 * batch_previous_free().  Call for increasing records. */
batch_previous *batch_manifest_previous(batch_manifest *m, size_t record);
/* Append one line (without its newline), now, in one write.  Nonzero
 * after reporting. */
int batch_manifest_append(batch_manifest *m, const char *line,
			  pactum_diag *diag);
/* Finish: after a resumed run, rewrite the manifest with one line per
 * deal (the latest), in order, atomically.  Nonzero after reporting.
 * Frees m in any case. */
int batch_manifest_close(batch_manifest *m, pactum_diag *diag);

/* Append s to buf as a JSON string, quotes included. */
int batch_json_string(pactum_sink *buf, const char *s);

/* ------------------------------------------------------------------ */
/* The run (batch.c) and one deal's part in it (batchdeal.c)            */

#define MAX_JOBS 256

enum job_state { QUEUED, RUNNING, DONE };
enum job_result { RENDERED, FAILED, SKIPPED };

/* One deal on its way through the batch. */
struct job {
	size_t record;
	pactum_pos pos;
	pactum_data *data;
	pactum_diag *diag;     /* its problems, printed in deal order */
	char *name;            /* its file name, less the suffix */
	batch_previous *prev;  /* what an earlier run wrote, with --resume */
	enum job_state state;
	enum job_result result;
	int nomem;             /* it failed for want of memory: stop */
	char *line;            /* its manifest line */
};

struct format {
	const pactum_plugin *writer;
	const char *suffix;
	pactum_options *opts;  /* those of the options the writer takes */
};

struct batch {
	/* what every deal is rendered with, read-only while threads run */
	pactum_registry *reg;
	pactum_model *model;
	pactum_translator *tr;
	struct cli_settings set;
	const char *langs[CLI_MAX_LANGS];
	size_t nlangs;
	struct format formats[BATCH_MAX_FORMATS];
	size_t nformats;
	const char *deals;     /* the deal file */
	const char *outdir;
	char run[BATCH_SHA256_HEX]; /* fingerprint of all but the deal */
	batch_names *names;

	size_t shard, shards;  /* --shard K/N: this run's deals, of N */

	/* the first pass */
	size_t total, collisions;
	batch_hashset *seen, *candidates;
	int exact;             /* pass 1b: the candidates' names in full */

	/* the second */
	batch_manifest *manifest;
	int resume, progress;
	pthread_mutex_t lock;
	pthread_cond_t work, done;
	struct job **ring;     /* in deal order, oldest at head */
	size_t cap, head, count, next; /* next: the oldest job queued */
	int closing;           /* no more jobs: threads may leave */
	size_t rendered, failed, skipped;
	int broken;            /* the manifest cannot be written */
	int nomem;             /* a deal ran out of memory: no more start */
	struct timespec start, shown;
};

/* Render one deal in every format, then commit its files (batchdeal.c):
 * its result, manifest line and messages are in job.  Any thread. */
void batch_render_job(const struct batch *b, struct job *job);

#endif /* PACTUM_BATCH_H */
