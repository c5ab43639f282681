// SwiftPM links an executable with `--defsym main=<module>_main` (so executables can be
// tested), and `-parse-as-library` (which libFuzzer needs, to own `main`) leaves that
// symbol undefined. This defines it: `main` hands the command line to libFuzzer's driver,
// with the Swift target's `LLVMFuzzerTestOneInput` as the function to fuzz.
#include <stddef.h>
#include <stdint.h>
#include "FuzzMain.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int qingshan_fuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
