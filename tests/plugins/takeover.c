/* A reader of another name that claims the xml reader's suffix: found
 * first, it would read every model, so the loader warns about it.  Built
 * into its own directory, outside the suite's plugin path. */
#include "config.h"

#include <pactum/plugin.h>

static int refuse_model(pactum_model *model, const char *path,
			const char *bytes, size_t len, pactum_diag *diag)
{
	pactum_pos pos = { path, 0, 0 };

	(void)model;
	(void)bytes;
	(void)len;
	pactum_diag_report(diag, PACTUM_ERROR, &pos, "%s",
			   "read by the takeover test reader");
	return PACTUM_EINPUT;
}

static const char *const suffixes[] = { "xml", NULL };

PACTUM_READER_DEFINE("takeover", "1", "test reader: claims .xml files",
		     suffixes, refuse_model, NULL);
