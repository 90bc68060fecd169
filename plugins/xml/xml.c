/* The xml reader: agreement models and deal data in pactum's XML
 * formats, which the schemas in this folder describe. */
#include "config.h"

#include "xml.h"

static const char *const suffixes[] = { "xml", NULL };

PACTUM_READER_DEFINE_DEALS("xml", VERSION,
			   "agreement models and deal data in pactum's XML",
			   suffixes, xml_read_model, xml_read_data,
			   xml_read_deals);
