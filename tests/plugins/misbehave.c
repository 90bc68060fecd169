/* Writers that break the plugin contract, one way each, chosen by -D; the
 * loader and the command must name the plugin whatever it does:
 *   MISBEHAVE_CRASH    dereferences NULL in write
 *   MISBEHAVE_SILENT   fails without reporting why
 *   MISBEHAVE_BOGUS    returns a status that is none
 *   MISBEHAVE_EXPORTS  exports a function besides its descriptor
 */
#include "config.h"

#include <pactum/plugin.h>

#if defined(MISBEHAVE_CRASH)
#define NAME "crash"
#elif defined(MISBEHAVE_SILENT)
#define NAME "silent"
#elif defined(MISBEHAVE_BOGUS)
#define NAME "bogus"
#else
#define NAME "exports"
#endif

#ifdef MISBEHAVE_EXPORTS
PACTUM_EXPORT int exports_helper(void);
PACTUM_EXPORT int exports_helper(void)
{
	return 1;
}
#endif

#ifdef MISBEHAVE_CRASH
static int *volatile nowhere;

/* A real fault, also in a sanitizer build: UBSan would stop at the null
 * load first, and the test is of what pactum does on SIGSEGV. */
#if defined(__GNUC__) && __GNUC__ >= 8
__attribute__((no_sanitize("address", "undefined")))
#endif
static int crash(void)
{
	return *nowhere;
}
#endif

static int write_doc(pactum_sink *sink, const pactum_doc *doc,
		     const pactum_options *opts, pactum_diag *diag)
{
	(void)doc;
	(void)opts;
	(void)diag;
	if (pactum_sink_puts(sink, "half an agreement\n") != PACTUM_OK)
		return PACTUM_ENOMEM;
#if defined(MISBEHAVE_CRASH)
	return crash();
#elif defined(MISBEHAVE_SILENT)
	return PACTUM_EIO;
#elif defined(MISBEHAVE_BOGUS)
	return 42;
#else
	return PACTUM_OK;
#endif
}

PACTUM_WRITER_DEFINE(NAME, "1", "test writer that breaks the contract",
		     write_doc, NULL);
