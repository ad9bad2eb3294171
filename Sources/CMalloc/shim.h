#ifndef COPYDESK_CMALLOC_SHIM_H
#define COPYDESK_CMALLOC_SHIM_H
// glibc's allocator settings (mallopt), for HeapPolicy in CopydeskKit: the one place copydesk
// tunes the C allocator. Part of the C library itself, so nothing is linked; elsewhere than
// glibc the header is not there and the module is empty.
#if defined(__GLIBC__) || (defined(__linux__) && !defined(__APPLE__))
#include <malloc.h>
#endif
#endif
