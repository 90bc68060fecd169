/* What the fuzz targets share: the plugins linked in rather than loaded,
 * the build tree's catalogs and the source tree's clause library, and
 * input split into parts.  Each target is one LLVMFuzzerTestOneInput(),
 * built with -fsanitize=fuzzer,address,undefined (see README.md). */
#ifndef PACTUM_FUZZ_H
#define PACTUM_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"

extern const pactum_plugin_desc fuzz_plugin_xml, fuzz_plugin_text,
	fuzz_plugin_docbook, fuzz_plugin_docx, fuzz_plugin_html;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A registry of the plugins in descs (ended by NULL), linked into the
 * target; aborts when one is refused or memory runs out: a target that
 * cannot start is no finding. */
pactum_registry *fuzz_registry(const pactum_plugin_desc *const *descs);
/* The file name in the build tree (rel is relative to its top); static
 * storage, valid until the next call. */
const char *fuzz_build_path(const char *rel);
const char *fuzz_source_path(const char *rel);
/* The catalog path: the build tree's catalogs, then the test catalogs. */
const char *fuzz_catalog_path(void);
/* Set the environment as a render from the build tree has it (clause
 * library, catalogs), once. */
void fuzz_setup(void);
/* A translator on the catalog path; aborts on failure. */
pactum_translator *fuzz_translator(void);
/* A model read from the bytes by the reader named path's suffix chooses,
 * with its includes, checked, as pactum_model_load() does from a file;
 * NULL when it is refused (the problems are in diag). */
pactum_model *fuzz_model(const pactum_registry *reg, const char *path,
			 const char *bytes, size_t len, pactum_diag *diag);
/* Deal data read whole from the bytes; NULL when it is refused. */
pactum_data *fuzz_data(const pactum_registry *reg, const char *path,
		       const char *bytes, size_t len, pactum_diag *diag);
/* Abort unless the status is one a function may return for bad input
 * (PACTUM_ENOMEM too: an allocation the sanitizer refused). */
void fuzz_status(int status, const char *what);
/* A NUL-terminated copy of the bytes; aborts when out of memory. */
char *fuzz_strndup(const uint8_t *data, size_t size);
/* Split [*data, *data + *size) at the first sep: the part before it is
 * returned in *part (*part_len), the rest is left in *data and *size (or
 * nothing, when there is no sep). */
void fuzz_split(const uint8_t **part, size_t *part_len, const uint8_t **data,
		size_t *size, const char *sep);

/* Print the diagnostics as the CLI does (sorted, escaped), to /dev/null. */
void fuzz_flush(pactum_diag *diag);

/* Where an input model is taken to be: its includes ("lib/...") are
 * found beside it, as the test models' are. */
#define FUZZ_MODEL_PATH FUZZ_SRCDIR "/tests/data/constructs/fuzz.xml"

/* The separator of a model and its deal in the inputs of 'model'. */
#define FUZZ_DEAL_SEP "\n<!--deal-->\n"

#endif /* PACTUM_FUZZ_H */
