// copydesk — fuzz harnesses
// libFuzzer's entry point for programs that have their own main (SwiftPM gives every executable
// one): LLVMFuzzerRunDriver runs the fuzzing loop with the given callback.
#ifndef COPYDESK_CLIBFUZZER_H
#define COPYDESK_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
