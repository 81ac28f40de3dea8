#pragma once
// What a path that is not a regular file is, in words, for the errors that refuse it (a scenario that
// is a FIFO, an output that is /dev/null).
#include <sys/types.h>

namespace sim {

// "a directory", "a character device", ... or "not a regular file".
const char* file_kind(mode_t mode);

}  // namespace sim
