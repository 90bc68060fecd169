#include "config.h"

#include "internal.h"

const char *pactum_version(void)
{
	return VERSION;
}
