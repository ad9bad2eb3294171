// copydesk — fuzz harnesses: the header's declaration only; libFuzzer itself comes from
// -sanitize=fuzzer.
#include "CLibFuzzer.h"
