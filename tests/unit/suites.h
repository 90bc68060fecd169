/* The Check suites of check_core; each lives in its own check_*.c. */
#ifndef PACTUM_TESTS_SUITES_H
#define PACTUM_TESTS_SUITES_H

#include <check.h>

#include "value.h"

/* The locale of lang from the build tree's catalogs (check_value.c). */
const pactum_locale *test_locale(const char *lang);

Suite *diag_suite(void);
Suite *catalog_suite(void);
Suite *value_suite(void);
Suite *model_suite(void);
Suite *file_suite(void);
Suite *trust_suite(void);
Suite *commit_suite(void);
Suite *po_suite(void);
Suite *registry_suite(void);
Suite *exports_suite(void);

#endif
