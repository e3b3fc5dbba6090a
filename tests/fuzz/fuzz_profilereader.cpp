// Fuzz target: the profile loader (JSON parser, reader, writer) on arbitrary bytes.
#include "profile/profilereader.h"
#include "profile/profilewriter.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto input = QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
    const corslab::ProfileLoadResult result = corslab::ProfileReader::read(input);
    if (result.profile) {
        // Whatever loads must write, and what it writes must load to the same profile.
        const QByteArray canonical = corslab::ProfileWriter::toJson(*result.profile);
        const corslab::ProfileLoadResult again = corslab::ProfileReader::read(canonical);
        if (!again.profile || !(*again.profile == *result.profile))
            std::abort();
    }
    return 0;
}
