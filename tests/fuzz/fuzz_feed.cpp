// libFuzzer entry point; the target itself is EntenteFuzz::feed() in fuzztargets.h.
#include "fuzztargets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return EntenteFuzz::feed(data, size);
}
