/*
 * The docx writer's container: the parts as a ZIP archive built in
 * memory with libzip, then handed to the sink in one piece.  The bytes
 * depend on nothing but the parts: entries in the caller's order
 * ([Content_Types].xml first, as OPC readers expect), every entry dated
 * 1980-01-01 00:00 in DOS time (never the clock, never the time zone),
 * the same attributes and deflate level for all.
 */
#include "config.h"

#include <dlfcn.h>
#include <libintl.h>
#include <pthread.h>
#include <stdio.h>
#include <zip.h>

#include "docx.h"

/*
 * libzip, and what it needs (libcrypto, libbz2, libz), loaded with the
 * plugin made every pactum run pay for their relocation, a third of the
 * start-up of a render that writes no DOCX at all.  So the plugin does
 * not link libzip: the first archive loads it by the name it is linked
 * by (configure finds it), and the functions below are called through
 * pointers of their own types.
 */
#define ZIP_FUNCTIONS(X)                                                      \
	X(zip_close) X(zip_discard) X(zip_error_code_zip) X(zip_error_fini)   \
	X(zip_error_init) X(zip_error_strerror) X(zip_file_add)               \
	X(zip_file_set_dostime) X(zip_file_set_external_attributes)           \
	X(zip_get_error) X(zip_open_from_source) X(zip_set_file_compression)  \
	X(zip_source_buffer) X(zip_source_buffer_create) X(zip_source_close)  \
	X(zip_source_error) X(zip_source_free) X(zip_source_keep)             \
	X(zip_source_open) X(zip_source_read)

#define DECLARE(name) static __typeof__(name) *p_##name;
ZIP_FUNCTIONS(DECLARE)
#undef DECLARE

static pthread_once_t zip_once = PTHREAD_ONCE_INIT;
static void *zip_handle;
static char zip_failure[256]; /* why libzip did not load, or "" */

static void warm_libzip(void);

static void load_zip(void)
{
	zip_handle = dlopen(PACTUM_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (zip_handle == NULL) {
		const char *msg = dlerror();

		snprintf(zip_failure, sizeof(zip_failure), "%s",
			 msg ? msg : PACTUM_LIBZIP_SONAME);
		return;
	}
#define LOAD(name)                                                            \
	if ((*(void **)&p_##name = dlsym(zip_handle, #name)) == NULL) {       \
		snprintf(zip_failure, sizeof(zip_failure), "%s: no %s",       \
			 PACTUM_LIBZIP_SONAME, #name);                        \
		return;                                                       \
	}
	ZIP_FUNCTIONS(LOAD)
#undef LOAD
	warm_libzip();
}

/* When the plugin is unloaded: libzip goes with it. */
static void unload_zip(void) __attribute__((destructor));
static void unload_zip(void)
{
	if (zip_handle != NULL)
		dlclose(zip_handle);
}

/* From here on, every zip_ call goes through its pointer. */
#define CALL(name) p_##name
#define zip_close CALL(zip_close)
#define zip_discard CALL(zip_discard)
#define zip_error_code_zip CALL(zip_error_code_zip)
#define zip_error_fini CALL(zip_error_fini)
#define zip_error_init CALL(zip_error_init)
#define zip_error_strerror CALL(zip_error_strerror)
#define zip_file_add CALL(zip_file_add)
#define zip_file_set_dostime CALL(zip_file_set_dostime)
#define zip_file_set_external_attributes CALL(zip_file_set_external_attributes)
#define zip_get_error CALL(zip_get_error)
#define zip_open_from_source CALL(zip_open_from_source)
#define zip_set_file_compression CALL(zip_set_file_compression)
#define zip_source_buffer CALL(zip_source_buffer)
#define zip_source_buffer_create CALL(zip_source_buffer_create)
#define zip_source_close CALL(zip_source_close)
#define zip_source_error CALL(zip_source_error)
#define zip_source_free CALL(zip_source_free)
#define zip_source_keep CALL(zip_source_keep)
#define zip_source_open CALL(zip_source_open)
#define zip_source_read CALL(zip_source_read)

/* 1980-01-01 00:00:00, the first DOS date: ((1980 - 1980) << 9) |
 * (1 << 5) | 1. */
#define DOS_DATE 0x21
#define DOS_TIME 0
/* -rw-r--r-- for unzip on Unix. */
#define UNIX_MODE 0100644u
/* A fuzz build stores the parts: deflating each part of every generated
 * agreement was a quarter of the writers target's time, spent in zlib. */
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
#define PART_METHOD ZIP_CM_STORE
#define PART_LEVEL 0
#else
#define PART_METHOD ZIP_CM_DEFLATE
#define PART_LEVEL 9
#endif

static int report(pactum_diag *diag, zip_error_t *error)
{
	/* TRANSLATORS: %s is libzip's reason. */
	pactum_diag_report(diag, PACTUM_ERROR, NULL,
			   _("cannot build the DOCX archive: %s"),
			   zip_error_strerror(error));
	return zip_error_code_zip(error) == ZIP_ER_MEMORY ? PACTUM_ENOMEM
							 : PACTUM_EIO;
}

/* Add one entry; the archive reads data when it is closed. */
static int add_entry(zip_t *za, const struct dx_entry *e)
{
	zip_source_t *src;
	zip_int64_t idx;

	const char *data;
	size_t len;

	data = pactum_sink_data(e->data, &len);
	src = zip_source_buffer(za, data, len, 0);
	if (src == NULL)
		return -1;
	idx = zip_file_add(za, e->name, src, ZIP_FL_ENC_UTF_8);
	if (idx < 0) {
		zip_source_free(src);
		return -1;
	}
	if (zip_file_set_dostime(za, (zip_uint64_t)idx, DOS_TIME, DOS_DATE,
				 0) < 0 ||
	    zip_set_file_compression(za, (zip_uint64_t)idx, PART_METHOD,
				     PART_LEVEL) < 0 ||
	    zip_file_set_external_attributes(za, (zip_uint64_t)idx, 0,
					     ZIP_OPSYS_UNIX,
					     UNIX_MODE << 16) < 0)
		return -1;
	return 0;
}

/* Copy the finished archive from the memory source to the sink. */
static int copy_out(pactum_sink *sink, zip_source_t *src, pactum_diag *diag)
{
	char chunk[16384];
	zip_int64_t n;
	int error = PACTUM_OK;

	if (zip_source_open(src) < 0)
		return report(diag, zip_source_error(src));
	while (error == PACTUM_OK &&
	       (n = zip_source_read(src, chunk, sizeof(chunk))) > 0)
		error = pactum_sink_write(sink, chunk, (size_t)n);
	if (error == PACTUM_OK && n < 0)
		error = report(diag, zip_source_error(src));
	zip_source_close(src);
	return error;
}

/* libzip 1.7 sets two statics on the first zip_open_from_source() (the
 * commands a source must support), unguarded: documents written on
 * several threads at once would race on them.  Opening one archive when
 * libzip is loaded, once, sets them before any thread does. */
static void warm_libzip(void)
{
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, NULL);
	zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, NULL) : NULL;

	if (za)
		zip_discard(za); /* frees src too */
	else if (src)
		zip_source_free(src);
}

/*
 * Write count entries as one ZIP archive to sink.  On failure nothing
 * reaches the sink but what the core discards anyway, and the error is
 * reported.  The entries' buffers stay the caller's.
 */
int dx_package(pactum_sink *sink, const struct dx_entry *entries,
	       size_t count, pactum_diag *diag)
{
	zip_error_t zerr;
	zip_source_t *src = NULL;
	zip_t *za = NULL;
	size_t i;
	int error = PACTUM_OK;

	pthread_once(&zip_once, load_zip);
	if (zip_failure[0] != '\0') {
		/* TRANSLATORS: %s is the loader's reason ("libzip.so.4:
		 * cannot open shared object file: ..."). */
		pactum_diag_report(diag, PACTUM_ERROR, NULL,
				   _("cannot build the DOCX archive: libzip "
				     "does not load: %s"),
				   zip_failure);
		return PACTUM_EIO;
	}
	zip_error_init(&zerr);
	src = zip_source_buffer_create(NULL, 0, 0, &zerr);
	if (src == NULL) {
		error = report(diag, &zerr);
		goto cleanup;
	}
	zip_source_keep(src); /* the archive's close would free it */
	za = zip_open_from_source(src, ZIP_TRUNCATE, &zerr);
	if (za == NULL) {
		error = report(diag, &zerr);
		goto cleanup;
	}
	for (i = 0; i < count; i++) {
		if (add_entry(za, &entries[i]) < 0) {
			error = report(diag, zip_get_error(za));
			goto cleanup;
		}
	}
	if (zip_close(za) < 0) {
		error = report(diag, zip_get_error(za));
		goto cleanup;
	}
	za = NULL;
	error = copy_out(sink, src, diag);

cleanup:
	if (za)
		zip_discard(za);
	if (src)
		zip_source_free(src);
	zip_error_fini(&zerr);
	return error;
}
