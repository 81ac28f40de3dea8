// sim::Table: columns sized to their content, nothing over the width, long names abbreviated with a
// legend, free text wrapped, notes under their row; and the one number format of every table.
#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "sim/output/text_format.h"

namespace {

using sim::Table;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::string printed(const Table& t, size_t width = sim::kMaxLineWidth) {
  std::ostringstream out;
  t.print(out, "  ", width);
  return out.str();
}

}  // namespace

TEST_CASE("a table is as wide as its content, right-aligned numbers, two spaces between columns") {
  Table t({{"metric"}, {"total", Table::Align::Right}, {"unit"}});
  t.add_row({"ady_teu", "135,366.8", "TEU"});
  t.add_row({"kz_ferry_sailings", "487.0", "vessels"});
  const auto l = lines_of(printed(t));
  REQUIRE(l.size() == 3);
  CHECK(l[0] == "  metric                 total  unit");
  CHECK(l[1] == "  ady_teu            135,366.8  TEU");
  CHECK(l[2] == "  kz_ferry_sailings      487.0  vessels");
}

TEST_CASE("long names are abbreviated with a legend so that no line exceeds the width") {
  Table t({{"resource", Table::Align::Left, Table::Fit::Abbreviate}, {"value", Table::Align::Right}});
  const std::string long_name = "turkmenbashi_alat_ferry:loading_berth_with_a_very_long_name";
  t.add_row({long_name, "1.0"});
  t.add_row({"short", "2.0"});
  t.add_row({long_name, "3.0"});
  const auto l = lines_of(printed(t, 40));
  for (const auto& line : l) CHECK(sim::display_width(line) <= 40);
  CHECK(l[1].find("~1") != std::string::npos);
  CHECK(l[3].find("~1") != std::string::npos);  // the same name, the same key
  CHECK(l[2] == "  short" + std::string(l[1].find("1.0") - 7, ' ') + "2.0");
  REQUIRE(l.size() >= 5);
  CHECK(l[4].rfind("  ~1  turkmenbashi", 0) == 0);  // one legend entry per name, wrapped to the width
  std::string legend;
  for (size_t i = 4; i < l.size(); ++i) legend += l[i].substr(i == 4 ? 6 : l[i].find_first_not_of(' '));
  CHECK(legend == long_name);
  // The columns stay apart: the abbreviated cell is followed by at least two spaces.
  CHECK(l[1].find("~1  ") != std::string::npos);
}

TEST_CASE("free text wraps in its column, notes wrap under their row") {
  Table t({{"name"}, {"source", Table::Align::Left, Table::Fit::Wrap}});
  t.add_row({"a", "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"}, "note: " + std::string(60, 'x'));
  const auto l = lines_of(printed(t, 40));
  CHECK(l.size() > 3);
  for (const auto& line : l) CHECK(sim::display_width(line) <= 40);
  CHECK(l[1].rfind("  a     one two", 0) == 0);  // "name" sets the first column's width
  CHECK(l[2].rfind("     ", 0) == 0);  // a continuation line starts under its column
  CHECK(printed(t, 40).find("\n      note:") != std::string::npos);
}

TEST_CASE("one number format: thousands separators, fixed decimals, CIs and signed percentages") {
  CHECK(sim::format_number(1234567.891, 1) == "1,234,567.9");
  CHECK(sim::format_number(-1234.4, 0) == "-1,234");
  CHECK(sim::format_number(999, 0) == "999");
  CHECK(sim::format_number(-0.04, 1) == "0.0");
  CHECK(sim::format_number(-0.05001, 1) == "-0.1");
  CHECK(sim::format_ci(-0.04, 0.5, 1) == "[0.0, 0.5]");
  CHECK(sim::format_number(std::nan(""), 1) == "-");
  CHECK(sim::format_significant(15.42121, 6) == "15.4212");
  CHECK(sim::format_significant(0.4859064, 6) == "0.485906");
  CHECK(sim::format_significant(1e6, 6) == "1,000,000");
  CHECK(sim::format_significant(-2.5, 6) == "-2.5");
  CHECK(sim::format_significant(0, 6) == "0");
  CHECK(sim::format_significant(0.99999999, 6) == "1");
  CHECK(sim::format_ci(1000, 20000.26, 1) == "[1,000.0, 20,000.3]");
  CHECK(sim::format_pct(1.56) == "+1.6%");
  CHECK(sim::format_pct(-12.2) == "-12.2%");
  CHECK(sim::format_pct(-0.04) == "+0.0%");
  CHECK(sim::display_width("Ağdam") == 5);
}
