/* The html plugin linked into a fuzz target: its descriptor renamed, so
 * that several plugins link into one program (fuzz.c registers them). */
#define pactum_plugin_descriptor fuzz_plugin_html
#include "plugins/html/html.c"
