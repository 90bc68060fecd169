/* The xml reader: agreement models and deal data in pactum's XML
 * formats, which the schemas in this folder describe. */
#include "config.h"

#include "xml.h"

static const char *const suffixes[] = { "xml", NULL };

PACTUM_PLUGIN_DEFINE = {
	.abi_major = PACTUM_PLUGIN_ABI_MAJOR,
	.abi_minor = PACTUM_PLUGIN_ABI_MINOR,
	.kind = PACTUM_PLUGIN_READER,
	.name = "xml",
	.version = VERSION,
	.description = "agreement models and deal data in pactum's XML",
	.suffixes = suffixes,
	.read_model = xml_read_model,
	.read_data = xml_read_data,
};
