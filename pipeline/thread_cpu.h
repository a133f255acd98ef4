#pragma once
// CPU time of the calling thread, for the crawl's cost per stage (the
// stages run on several threads, so the process's total cannot split them).
#include <ctime>

namespace presswatch::pipeline {

inline double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace presswatch::pipeline
