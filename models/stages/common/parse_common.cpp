#include "models/stages/common/parse_common.h"

#include <cmath>
#include <cstdlib>

#include "models/scenario/config.h"
#include "sim/kernel/log.h"

namespace models {

using sim::MapReader;

Window parse_window(const sim::Node& node, const std::string& path) {
  MapReader r(node, path);
  Window w;
  w.where = node.where;
  w.from_day = sim::as_date(r.required("from"), r.path("from"));
  w.to_day = sim::as_date(r.required("to"), r.path("to"));
  if (const sim::Node* reason = r.optional("reason")) w.reason = sim::as_string(*reason, r.path("reason"));
  r.finish();
  return w;
}

std::vector<Window> parse_outages(MapReader& r) {
  std::vector<Window> out;
  const sim::Node* n = r.optional("outages");
  if (!n) return out;
  const auto& items = sim::as_list(*n, r.path("outages"));
  for (size_t i = 0; i < items.size(); ++i) out.push_back(parse_window(items[i], r.path("outages") + "[" + std::to_string(i) + "]"));
  return out;
}

const sim::Node* renamed_key(sim::MapReader& r, const char* key, const char* old_key) {
  const sim::Node* now = r.optional(key);
  const sim::Node* old = r.optional(old_key);
  if (now && old) sim::fail(*old, r.path(old_key), std::string("is the old name of `") + key + "`: give only `" + key + "`");
  if (!old) return now;
  sim::log::get("scenario")->warn("{}: `{}` is the old name of `{}` here; it still works, but write `{}`", old->where.str(),
                                  r.path(old_key), key, key);
  return old;
}

std::vector<SourceWindow> parse_source_windows(MapReader& r, const char* key, bool sources_required) {
  std::vector<SourceWindow> out;
  each_mapping(r, key, [&](const sim::Node& item, MapReader& m) {
    SourceWindow w;
    w.where = item.where;
    w.from_day = sim::as_date(m.required("from"), m.path("from"));
    w.to_day = sim::as_date(m.required("to"), m.path("to"));
    if (w.to_day < w.from_day) sim::fail(item, m.path("to"), "it ends (to) before it starts (from)");
    const sim::Node* src = renamed_key(m, "cargo_of", "sources");
    if (!src && sources_required) m.required("cargo_of");  // the error names the missing key
    if (src) w.sources = sim::as_name_list(*src, m.path("cargo_of"));
    if (const sim::Node* why = m.optional("reason")) w.reason = sim::as_string(*why, m.path("reason"));
    m.optional("source");
    out.push_back(w);
  });
  return out;
}

double headway_of(const sim::Node& n, const std::string& key) {
  return 1.0 / sim::as_positive(n, key, sim::Dim{sim::Base::Trains, -1});
}

sim::Measure unit_of(const sim::Node& n, const std::string& key, double* value) {
  sim::Quantity q;
  try {
    q = sim::parse_quantity(sim::as_string(n, key));
  } catch (const std::invalid_argument& e) {
    sim::fail(n, key, std::string("expected a capacity like 52 wagons, 225 TEU or 13000 t: ") + e.what());
  }
  if (!(q.value > 0) || q.dim.time != 0) sim::fail(n, key, "expected a capacity above zero like 52 wagons, 225 TEU or 13000 t");
  if (q.value > sim::kMaxMagnitude) sim::fail(n, key, "\"" + n.scalar + "\" is out of range: at most 1e12");
  *value = q.value;
  switch (q.dim.base) {
    case sim::Base::Teu: return sim::Measure::Teu;
    case sim::Base::Wagons: return sim::Measure::Wagons;
    case sim::Base::Mass: return sim::Measure::Tonnes;
    default: sim::fail(n, key, "expected a capacity in wagons, TEU or tonnes");
  }
}

sim::Dim dim_of(sim::Measure m, int time) {
  switch (m) {
    case sim::Measure::Teu: return {sim::Base::Teu, time};
    case sim::Measure::Wagons: return {sim::Base::Wagons, time};
    default: return {sim::Base::Mass, time};
  }
}

void parse_buffer(MapReader& r, StageConfig& cfg) {
  const sim::Node* n = r.optional("buffer");
  if (!n) return;
  const std::string text = sim::as_string(*n, r.path("buffer"));
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  std::string unit(end);
  unit.erase(0, unit.find_first_not_of(' '));
  const bool counted = unit == "consignments" || unit == "consignment";
  if (end == text.c_str() || !(v > 0) || !std::isfinite(v) || !(counted || unit == "TEU" || unit == "wagons" || unit == "wagon") ||
      (counted && v != std::floor(v)))
    sim::fail(*n, r.path("buffer"), "expected a waiting area above zero like 2 consignments, 500 TEU or 120 wagons, got \"" + text + "\"");
  cfg.buffer = v;
  cfg.buffer_unit = counted ? sim::Measure::Jobs : unit == "TEU" ? sim::Measure::Teu : sim::Measure::Wagons;
  cfg.buffer_where = n->where;
}

void parse_entry_embargoes(MapReader& r, StageConfig& cfg) {
  const sim::Node* n = r.optional("embargoes");
  if (!n) return;
  const auto& items = sim::as_list(*n, r.path("embargoes"));
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string path = r.path("embargoes") + "[" + std::to_string(i) + "]";
    MapReader m(items[i], path);
    SourceWindow w;
    w.where = items[i].where;
    w.from_day = sim::as_date(m.required("from"), m.path("from"));
    w.to_day = sim::as_date(m.required("to"), m.path("to"));
    if (w.to_day < w.from_day) sim::fail(items[i], m.path("to"), "it ends (to) before it starts (from)");
    if (const sim::Node* s = m.optional("cargo_of")) w.sources = sim::as_name_list(*s, m.path("cargo_of"));
    if (const sim::Node* c = m.optional("classes")) {
      w.classes = sim::as_name_list(*c, m.path("classes"));
      for (const auto& name : w.classes)
        if (std::find(kCargoClasses.begin(), kCargoClasses.end(), name) == kCargoClasses.end())
          sim::fail(*c, m.path("classes"), "unknown cargo class \"" + name + "\" (one of: transit, import, export, domestic)");
    }
    if (w.sources.empty() && w.classes.empty())
      sim::fail(items[i], path, "say what is refused: `cargo_of` (names), `classes` (cargo classes) or both");
    if (const sim::Node* why = m.optional("reason")) w.reason = sim::as_string(*why, m.path("reason"));
    m.optional("source");
    m.finish();
    cfg.entry_embargoes.push_back(w);
  }
}

sim::KeyDoc entry_embargoes_key() {
  return {"embargoes", "list of {from: date, to: date, cargo_of?: [names], classes?: [cargo classes], reason?, source?}", "optional",
          "days (inclusive) on which consignments of these sources and/or classes (both given: both must match) may not "
          "enter this stage: the stage before keeps them, a source holds them at origin (resource origin:<source>)"};
}

void parse_sea_area(MapReader& r, StageConfig& cfg) {
  if (const sim::Node* a = r.optional("sea_area")) {
    cfg.sea_area = sim::as_name(*a, r.path("sea_area"));
    cfg.sea_area_where = a->where;
  }
}

std::vector<double> parse_monthly(const sim::Node& n, const std::string& key) {
  const auto& items = sim::as_list(n, key);
  if (items.size() != 12) sim::fail(n, key, "expected 12 monthly values (January to December), got " + std::to_string(items.size()));
  std::vector<double> out;
  for (size_t i = 0; i < 12; ++i) {
    const double v = sim::as_number(items[i], key + "[" + std::to_string(i) + "]");
    if (v < 0) sim::fail(items[i], key, "a monthly value must not be negative");
    out.push_back(v);
  }
  return out;
}

}  // namespace models
