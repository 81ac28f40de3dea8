#pragma once
// How numbers and columns look in the terminal summaries and the hand-written JSON: one number
// format (fixed decimals, thousands separators) for every table, one JSON number format.
#include <cstddef>
#include <string>

namespace sim {

// "-" for NaN; thousands separators so that calibration figures read at a glance: 112,608.0
std::string format_number(double v, int decimals);
// Left-aligned / right-aligned in a column of width w (never truncated).
std::string pad(std::string s, size_t w);
std::string lpad(const std::string& s, size_t w);
// A JSON number that round-trips (%.17g), or null when not finite.
std::string json_number(double v);

}  // namespace sim
