#pragma once
// Errors a user can act on. Library code throws these; the CLI catches them
// once, prints what() and exits with the code given by exit_code().
#include <stdexcept>
#include <string>

namespace presswatch {

// Something the user gave us is wrong: a configuration file, an argument,
// a query, an input file. The CLI exits with 2.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A configuration file is wrong; the message names file, line and key.
class ConfigError : public InputError {
public:
    using InputError::InputError;
};

// Something failed while doing the work (disk, database, network as a
// whole). The CLI exits with 1.
class RuntimeFailure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace presswatch
