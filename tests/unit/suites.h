/* The Check suites of check_core; each lives in its own check_*.c. */
#ifndef PACTUM_TESTS_SUITES_H
#define PACTUM_TESTS_SUITES_H

#include <check.h>

Suite *diag_suite(void);
Suite *catalog_suite(void);
Suite *value_suite(void);
Suite *model_suite(void);
Suite *file_suite(void);
Suite *trust_suite(void);

#endif
