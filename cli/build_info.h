#pragma once
// Which presswatch this is: the CMake project version (the one place the
// version is written) and the git commit of the sources, both filled in at
// build time by cmake/BuildInfoRun.cmake. Shown by `presswatch --version`.

namespace presswatch::cli {

const char* build_version();  // "0.1.0"
const char* build_commit();   // "53d67e8d1a2b", "53d67e8d1a2b-dirty" or "unknown"

}  // namespace presswatch::cli
