#pragma once
// The agencies that can be asked to answer a press report: agencies.toml's,
// then the People's Committee of every commune and ward province.toml
// names. One list behind the labels in reports, the web's agency pickers,
// and the check on an agency slug a person types (`presswatch flag
// --agency`, `respond --agency`, the web's forms): a typo must not leave a
// flag waiting on an agency that does not exist.
#include <string>
#include <vector>

#include "config/config.h"

namespace presswatch::config {

struct AnsweringAgency {
    std::string slug;
    std::string name;  // as a letter addresses it
    std::string kind;  // agencies.toml's kind; "committee" for a commune's or ward's
};

// agencies.toml's in their order, then the communes' and wards' committees
// in province.toml's order, each slug once.
std::vector<AnsweringAgency> answering_agencies(const Config& cfg);

// The agency with this slug, or nullptr.
const AnsweringAgency* find_agency(const std::vector<AnsweringAgency>& all, const std::string& slug);

// Throws InputError for a slug no agency has, saying where the known ones
// are listed. With no agencies configured every slug is accepted.
void check_agencies(const Config& cfg, const std::vector<std::string>& slugs);

}  // namespace presswatch::config
