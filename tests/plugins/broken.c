/* Plugins that the loader must refuse, one defect each, chosen by -D:
 *   BROKEN_ABI_MAJOR   built for another ABI major
 *   BROKEN_ABI_MINOR   built for a newer ABI minor
 *   BROKEN_NO_SYMBOL   exports no descriptor
 *   BROKEN_UNRESOLVED  needs a function nobody defines
 *   BROKEN_NO_CALLBACK a writer without a write callback
 *   BROKEN_DUPLICATE   a valid writer named like the xml reader
 *   BROKEN_NAME        an invalid name
 *   BROKEN_RESERVED    a reserved slot that is not NULL
 */
#include "config.h"

#include <pactum/plugin.h>

/* Written out by hand, to set what PACTUM_WRITER_DEFINE() gets right. */
#define HAND_MADE_DESCRIPTOR \
	PACTUM_EXPORT const pactum_plugin_desc pactum_plugin_descriptor

#ifdef BROKEN_UNRESOLVED
int pactum_test_no_such_function(void);
#endif

#ifndef BROKEN_NO_CALLBACK
static int write_nothing(pactum_sink *sink, const pactum_doc *doc,
			 const pactum_options *opts, pactum_diag *diag)
{
	(void)doc;
	(void)opts;
	(void)diag;
#ifdef BROKEN_UNRESOLVED
	if (pactum_test_no_such_function())
		return PACTUM_EIO;
#endif
	return pactum_sink_puts(sink, "");
}
#endif

#ifdef BROKEN_NO_SYMBOL
PACTUM_EXPORT const pactum_plugin_desc pactum_plugin_descriptr = {
#else
HAND_MADE_DESCRIPTOR = {
#endif
#ifdef BROKEN_ABI_MAJOR
	.abi_major = PACTUM_PLUGIN_ABI_MAJOR + 1,
#else
	.abi_major = PACTUM_PLUGIN_ABI_MAJOR,
#endif
#ifdef BROKEN_ABI_MINOR
	.abi_minor = PACTUM_PLUGIN_ABI_MINOR + 1,
#else
	.abi_minor = PACTUM_PLUGIN_ABI_MINOR,
#endif
	.kind = PACTUM_PLUGIN_WRITER,
#if defined(BROKEN_DUPLICATE)
	.name = "xml",
#elif defined(BROKEN_NAME)
	.name = "Bad Name!",
#else
	.name = "broken",
#endif
	.version = "1",
	.description = "a plugin the loader must refuse",
#ifndef BROKEN_NO_CALLBACK
	.write = write_nothing,
#endif
#ifdef BROKEN_RESERVED
	.reserved = { (void *)1 },
#endif
};
