#include "sim/output/text_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace sim {

std::string format_number(double v, int decimals) {
  if (std::isnan(v)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf, out;
  // A difference that rounds to zero is written 0.0, never -0.0 (it reads as a sign that is not there).
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  const auto dot = s.find('.');
  const std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot);
  const size_t start = whole[0] == '-' ? 1 : 0;
  const bool digits = whole.find_first_not_of("-0123456789") == std::string::npos;  // not "inf"
  for (size_t i = 0; i < whole.size(); ++i) {
    if (digits && i > start && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  return out + frac;
}

std::string format_significant(double v, int digits) {
  if (!std::isfinite(v) || v == 0) return std::isnan(v) ? "-" : format_number(v, 0);
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(v))));
  std::string s = format_number(v, std::max(0, digits - 1 - magnitude));
  if (s.find('.') == std::string::npos) return s;
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string format_ci(double lo, double hi, int decimals) {
  if (std::isnan(lo) || std::isnan(hi)) return "-";
  return "[" + format_number(lo, decimals) + ", " + format_number(hi, decimals) + "]";
}

std::string format_pct(double v) {
  if (std::isnan(v)) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f%%", std::fabs(v) < 0.05 ? 0.0 : v);  // +0.0%, never -0.0%
  return buf;
}

size_t display_width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;  // continuation bytes take no column
  return n;
}

std::string pad(std::string s, size_t w) {
  const size_t n = display_width(s);
  return n < w ? s + std::string(w - n, ' ') : s;
}

std::string lpad(const std::string& s, size_t w) {
  const size_t n = display_width(s);
  return n < w ? std::string(w - n, ' ') + s : s;
}

namespace {

// The first N code points of S.
std::string prefix(const std::string& s, size_t n) {
  size_t i = 0;
  for (size_t seen = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == n) break;
  }
  return s.substr(0, i);
}

// S in lines of at most W columns, broken at spaces (a longer word is cut).
std::vector<std::string> wrap(const std::string& s, size_t w) {
  std::vector<std::string> lines;
  std::string line;
  size_t pos = 0;
  while (pos <= s.size()) {
    const size_t sp = std::min(s.find(' ', pos), s.size());
    std::string word = s.substr(pos, sp - pos);
    pos = sp + 1;
    while (display_width(word) > w) {  // a word wider than the column: cut it
      if (!line.empty()) lines.push_back(line), line.clear();
      lines.push_back(prefix(word, w));
      word = word.substr(prefix(word, w).size());
    }
    if (line.empty()) line = word;
    else if (display_width(line) + 1 + display_width(word) <= w) line += " " + word;
    else lines.push_back(line), line = word;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

const size_t kGap = 2, kMinWrap = 24, kMinAbbreviated = 12;

}  // namespace

std::string wrap_text(const std::string& text, size_t width, const std::string& continuation) {
  const auto lines = wrap(text, std::max(kMinWrap, width - std::min(width, display_width(continuation))));
  std::string out = lines[0];
  for (size_t i = 1; i < lines.size(); ++i) out += "\n" + continuation + lines[i];
  return out;
}

void Table::add_row(std::vector<std::string> cells, std::string note) {
  cells.resize(columns_.size());
  rows_.push_back(std::move(cells));
  notes_.push_back(std::move(note));
}

std::vector<size_t> Table::fit_widths(size_t indent, size_t width) const {
  std::vector<size_t> w(columns_.size());
  for (size_t c = 0; c < columns_.size(); ++c) {
    w[c] = display_width(columns_[c].header);
    for (const auto& r : rows_) w[c] = std::max(w[c], display_width(r[c]));
  }
  auto total = [&] {
    size_t t = indent;
    for (size_t x : w) t += x;
    return t + kGap * (w.empty() ? 0 : w.size() - 1);
  };
  // Wrap free text first, then abbreviate names to a readable floor, then (a last resort) further.
  const std::pair<Fit, size_t> steps[] = {{Fit::Wrap, kMinWrap}, {Fit::Abbreviate, kMinAbbreviated}, {Fit::Abbreviate, 5}};
  for (const auto& [fit, floor] : steps) {
    while (total() > width) {
      size_t widest = w.size();  // the widest column of this kind that may still shrink
      for (size_t c = 0; c < w.size(); ++c)
        if (columns_[c].fit == fit && w[c] > floor && (widest == w.size() || w[c] > w[widest])) widest = c;
      if (widest == w.size()) break;
      --w[widest];  // one at a time, so that two wide name columns share the cut
    }
  }
  return w;
}

void Table::print(std::ostream& out, const std::string& indent, size_t width) const {
  const auto w = fit_widths(display_width(indent), width);
  std::map<std::string, std::string> keys;  // full text -> "~N", numbered in order of appearance
  std::vector<std::string> legend;
  auto shown = [&](size_t c, const std::string& s) {
    if (columns_[c].fit != Fit::Abbreviate || display_width(s) <= w[c]) return s;
    auto [it, added] = keys.emplace(s, "~" + std::to_string(keys.size() + 1));
    if (added) legend.push_back(it->second + "  " + s);
    return prefix(s, w[c] - std::min(w[c], it->second.size())) + it->second;
  };
  auto line = [&](const std::vector<std::string>& cells) {
    std::vector<std::vector<std::string>> parts(cells.size());
    size_t height = 1;
    for (size_t c = 0; c < cells.size(); ++c) {
      parts[c] = columns_[c].fit == Fit::Wrap ? wrap(cells[c], w[c]) : std::vector<std::string>{shown(c, cells[c])};
      height = std::max(height, parts[c].size());
    }
    for (size_t k = 0; k < height; ++k) {
      std::string text = indent;
      for (size_t c = 0; c < cells.size(); ++c) {
        const std::string cell = k < parts[c].size() ? parts[c][k] : "";
        text += (c ? std::string(kGap, ' ') : "") + (columns_[c].align == Align::Right ? lpad(cell, w[c]) : pad(cell, w[c]));
      }
      text.erase(text.find_last_not_of(' ') + 1);
      out << text << "\n";
    }
  };
  std::vector<std::string> header;
  for (const auto& c : columns_) header.push_back(c.header);
  line(header);
  const std::string note_indent = indent + "    ";
  for (size_t r = 0; r < rows_.size(); ++r) {
    line(rows_[r]);
    if (notes_[r].empty()) continue;
    for (const auto& l : wrap(notes_[r], std::max(kMinWrap, width - std::min(width, display_width(note_indent))))) out << note_indent << l << "\n";
  }
  // A legend entry is cut (names have no spaces to wrap at) and continues 4 columns further in.
  const size_t room = std::max<size_t>(kMinAbbreviated, width - std::min(width, display_width(indent)));
  for (const auto& l : legend) {
    std::string rest = l, lead = indent;
    for (size_t r = room; !rest.empty(); r = room - std::min<size_t>(room - 1, 4), lead = indent + "    ") {
      const std::string part = prefix(rest, r);
      out << lead << part << "\n";
      rest = rest.substr(part.size());
    }
  }
}

}  // namespace sim
