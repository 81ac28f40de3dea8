#pragma once
// How numbers and columns look in the terminal summaries: one number format (fixed decimals,
// thousands separators) for every table, and one table layout (sim::Table) for every command.
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace sim {

// "-" for NaN; thousands separators so that calibration figures read at a glance: 112,608.0
std::string format_number(double v, int decimals);
// DIGITS significant digits in format_number's form, trailing zeros dropped: parameters whose scale
// varies (15.4212 trains/mo, 0.485906, 1,000,000), e.g. 6 digits: what a calibrated value is written with.
std::string format_significant(double v, int digits);
// "[lo, hi]" in format_number's form: how every table shows a 95% confidence interval.
std::string format_ci(double lo, double hi, int decimals);
// "+1.5%": a signed percentage with one decimal ("-" for NaN).
std::string format_pct(double v);
// Left-aligned / right-aligned in a column of width w (never truncated).
std::string pad(std::string s, size_t w);
std::string lpad(const std::string& s, size_t w);
// Columns on a terminal: UTF-8 code points (names and sources are UTF-8).
size_t display_width(const std::string& s);

// No line of a summary is wider than this.
inline constexpr size_t kMaxLineWidth = 120;

// A sentence broken at spaces into lines of at most WIDTH columns, the later ones starting with
// CONTINUATION (counted in the width); no trailing newline.
std::string wrap_text(const std::string& text, size_t width = kMaxLineWidth, const std::string& continuation = "  ");

// A table sized to its content: every column as wide as its widest cell (header included), two
// spaces between columns. When a line would exceed the width, a Wrap column (free text, e.g. a
// source) wraps onto continuation lines first, then the widest Abbreviate column (names) is narrowed:
// its longer cells become "prefix~N" and a legend under the table gives "~N  full name".
class Table {
 public:
  enum class Align { Left, Right };
  enum class Fit { Keep, Abbreviate, Wrap };
  struct Column {
    std::string header;
    Align align = Align::Left;
    Fit fit = Fit::Keep;
  };

  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}
  // One cell per column (missing cells are empty). NOTE, if any, goes on its own lines under the row,
  // indented and wrapped (e.g. a source: free text that would squeeze every column).
  void add_row(std::vector<std::string> cells, std::string note = "");
  void print(std::ostream& out, const std::string& indent = "  ", size_t width = kMaxLineWidth) const;

 private:
  std::vector<size_t> fit_widths(size_t indent, size_t width) const;
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::string> notes_;
};

}  // namespace sim
