#pragma once
// Parsing pieces several stage types (and the scenario parser) share: dated windows and changes,
// capacities with their unit, train rates. Each reports mistakes with the key's position.
#include <algorithm>
#include <string>
#include <vector>

#include "models/stages/common/windows.h"
#include "sim/config/reader.h"
#include "sim/record/observe.h"

namespace models {

// Calls F(item, reader) for each mapping in the list under KEY (paths like "key[2].date"), then
// reports any key F did not ask for.
template <class F>
void each_mapping(sim::MapReader& r, const char* key, F f) {
  const sim::Node* n = r.optional(key);
  if (!n) return;
  const auto& items = sim::as_list(*n, r.path(key));
  for (size_t i = 0; i < items.size(); ++i) {
    sim::MapReader m(items[i], r.path(key) + "[" + std::to_string(i) + "]");
    f(items[i], m);
    m.finish();
  }
}

// A key that was renamed: KEY if present, else OLD_KEY (still read, with a warning naming the new
// name), else null. Both at once is an error. `source` once meant a citation, a cargo filter and a
// shipper; it now means only the citation: cargo filters are `cargo_of`, pipeline shares `shipper`.
const sim::Node* renamed_key(sim::MapReader& r, const char* key, const char* old_key);

// Dated changes: each item has `date` and some of the keys the stage type allows to change, plus
// optional `reason` and `source`. APPLY(change, key, value node, path) sets one key. Sorted by date.
template <class Change, class Apply>
void parse_changes(sim::MapReader& r, std::vector<Change>& out, const std::vector<std::string>& keys, Apply apply) {
  each_mapping(r, "changes", [&](const sim::Node& item, sim::MapReader& c) {
    Change ch;
    ch.where = item.where;
    ch.day = sim::as_date(c.required("date"), c.path("date"));
    bool any = false;
    for (const auto& key : keys)
      if (const sim::Node* v = c.optional(key)) {
        apply(ch, key, *v, c.path(key));
        any = true;
      }
    c.optional("reason");
    c.optional("source");
    if (!any) sim::fail(item, c.path("date"), "a change needs a new value for one of its keys besides the date");
    out.push_back(ch);
  });
  std::stable_sort(out.begin(), out.end(), [](const Change& a, const Change& b) { return a.day < b.day; });
}

Window parse_window(const sim::Node& node, const std::string& path);
std::vector<Window> parse_outages(sim::MapReader& r);
// Embargoes and halts: dated days for some sources (all of them when `sources` may be left out).
std::vector<SourceWindow> parse_source_windows(sim::MapReader& r, const char* key, bool sources_required);
// "14 trains/d" as the minimum time between train starts.
double headway_of(const sim::Node& n, const std::string& key);
// What a capacity like "52 wagons", "225 TEU" or "13000 t" counts; its amount goes to *VALUE.
sim::Measure unit_of(const sim::Node& n, const std::string& key, double* value);
// The dimension of an amount of M (TIME = -1: a rate of it).
sim::Dim dim_of(sim::Measure m, int time);
// `buffer: 2 consignments` (or TEU, or wagons): a finite waiting area, into CFG's common settings.
struct StageConfig;
void parse_buffer(sim::MapReader& r, StageConfig& cfg);
// `embargoes:` refused at the stage's entry (vessel lines): dated days on which consignments of some
// sources and/or cargo classes may not enter; senders keep them (held at origin by a source).
void parse_entry_embargoes(sim::MapReader& r, StageConfig& cfg);
sim::KeyDoc entry_embargoes_key();
// `sea_area: NAME`: the weather area whose storms stop the stage, into CFG's common settings.
void parse_sea_area(sim::MapReader& r, StageConfig& cfg);

// Twelve non-negative monthly values, January to December (profiles, storm rates).
std::vector<double> parse_monthly(const sim::Node& n, const std::string& key);

}  // namespace models
