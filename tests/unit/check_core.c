/* Unit tests of the core's modules. */
#include "config.h"

#include <stdlib.h>

#include "suites.h"

int main(void)
{
	SRunner *sr = srunner_create(diag_suite());
	int failed;

	srunner_add_suite(sr, catalog_suite());
	srunner_add_suite(sr, value_suite());
	srunner_add_suite(sr, model_suite());
	srunner_add_suite(sr, file_suite());
	srunner_add_suite(sr, commit_suite());
	srunner_add_suite(sr, po_suite());
	srunner_add_suite(sr, registry_suite());
	srunner_add_suite(sr, exports_suite());
	srunner_add_suite(sr, trust_suite());
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
