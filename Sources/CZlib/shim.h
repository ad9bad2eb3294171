#ifndef COPYDESK_CZLIB_SHIM_H
#define COPYDESK_CZLIB_SHIM_H
// The zlib header copydesk uses to read gzip-compressed web archives (.warc.gz). Only
// ArticleFormats imports this module, with `internal import`, and one type (Inflater) owns
// every z_stream, so no zlib type reaches the public API and every stream is ended once.
#include <zlib.h>
#endif
