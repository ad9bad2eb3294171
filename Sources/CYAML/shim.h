#ifndef COPYDESK_CYAML_SHIM_H
#define COPYDESK_CYAML_SHIM_H
// The system libyaml (libyaml-dev). Only ArticleFormats imports this module,
// with `internal import`, so no libyaml type reaches the public API.
#include <yaml.h>
#endif
