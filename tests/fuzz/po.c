/* The .po reader (core/lib/po.c), as 'pactum check' reads a translator's
 * catalog: the input is the file.  Every entry read is found again by its
 * context and msgid. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "po.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pactum_po *po = NULL;
	pactum_diag *diag;
	char *bytes;
	size_t i;
	int error;

	if (size > PACTUM_MAX_INPUT || pactum_diag_new(&diag) != PACTUM_OK)
		return 0;
	bytes = fuzz_strndup(data, size);
	error = pactum__po_parse(&po, "fuzz.po", bytes, size, diag);
	fuzz_status(error, "po_parse");
	for (i = 0; po != NULL && i < pactum__po_count(po); i++) {
		const pactum_po_entry *e = pactum__po_entry(po, i), *found;
		size_t k;

		found = pactum__po_find(po, e->ctx, e->msgid);
		/* the first of two alike is the one found */
		if (found == NULL || strcmp(found->msgid, e->msgid) != 0 ||
		    (found->ctx == NULL) != (e->ctx == NULL))
			abort();
		for (k = 0; k < e->nstr; k++)
			if (e->msgstr[k] == NULL)
				abort();
	}
	if (po != NULL)
		(void)pactum__po_find(po, NULL, "");
	pactum__po_free(po);
	pactum_diag_free(diag);
	free(bytes);
	return 0;
}
