#ifndef COPYDESK_CLIBXML2_SHIM_H
#define COPYDESK_CLIBXML2_SHIM_H
// The libxml2 headers copydesk uses. Only ArticleFormats imports this module,
// with `internal import`, so no libxml2 type reaches the public API.
//
// Debian builds libxml2 with ICU, and <libxml/encoding.h> then includes ICU's
// <unicode/ucnv.h>, whose enums clash with the ICU copy inside Swift's Foundation.
// copydesk never touches ICU converters (only the trailing uconv fields of
// xmlCharEncodingHandler depend on it, and copydesk only handles that struct by
// pointer), so the ICU part of the headers is switched off here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#endif
