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

// Whether libxml2 keeps its errors and other global state per thread, so that documents can be
// parsed on several threads at once. Before 2.12, libxml2 decides this when it starts, from weak
// references to the pthread functions: linked statically without those functions, it runs as if
// there were one thread, and parallel parses corrupt each other's state. From 2.12 it is always
// thread-safe (and the function asked here is deprecated).
static inline int copydesk_libxml2_thread_safe(void) {
#if LIBXML_VERSION < 21200
    xmlInitParser();
    return xmlGetGlobalState() != NULL;
#else
    return 1;
#endif
}
#endif
