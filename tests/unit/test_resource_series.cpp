// Every resource series of the table reaches the results: collected from the recorder, carried
// through the replication codec, and written by the single-run and the replication writer. A new
// line in the table is covered here without touching this file.
#include <catch2/catch.hpp>

#include <hdf5.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "sim/analysis/experiment_results.h"
#include "sim/experiment/replication.h"
#include "sim/output/experiment_output.h"
#include "sim/output/result_file.h"
#include "sim/record/resource_series.h"

namespace {

// Two months (January and February 2025) with one resource whose levels all move, so a series
// read from the wrong level shows.
struct Run {
  sim::Calendar calendar{sim::parse_date("2025-01-01"), sim::parse_date("2025-03-01")};
  sim::RunResults results;
  void simulate(sim::Recorder& rec) {
    auto& quay = rec.add_resource("quay", "terminal");
    quay.storage = 25;
    sim::Amounts load;
    load.teu = 4;
    load.wagons = 2;
    load.tonnes = 30;
    quay.set_queue(0, 3, load);
    quay.utilisation.set(0, 0.5);
    quay.set_queue(40 * 86400.0, 1, sim::Amounts{});
    quay.utilisation.set(40 * 86400.0, 1);
    rec.finish(calendar.horizon_seconds());
  }
};

struct DatasetShape {
  bool exists = false, described = false;
  std::vector<hsize_t> dims;
};

DatasetShape shape_of(hid_t file, const std::string& path) {
  DatasetShape s;
  // H5Lexists needs each link on the way to exist; the group is checked by its own path first.
  const auto group = path.substr(0, path.rfind('/'));
  if (H5Lexists(file, group.c_str(), H5P_DEFAULT) <= 0 || H5Lexists(file, path.c_str(), H5P_DEFAULT) <= 0) return s;
  const hid_t ds = H5Dopen2(file, path.c_str(), H5P_DEFAULT);
  const hid_t space = H5Dget_space(ds);
  s.dims.resize(static_cast<size_t>(H5Sget_simple_extent_ndims(space)));
  H5Sget_simple_extent_dims(space, s.dims.data(), nullptr);
  s.exists = true;
  s.described = H5Aexists(ds, "description") > 0 && H5Aexists(ds, "units") > 0;
  H5Sclose(space);
  H5Dclose(ds);
  return s;
}

}  // namespace

TEST_CASE("the table names each series once, with its units and description", "[series]") {
  const auto& table = sim::resource_series();
  for (size_t i = 0; i < table.size(); ++i) {
    CHECK(sim::resource_series_index(table[i].name) == i);
    CHECK(!table[i].unit.empty());
    CHECK(!table[i].description.empty());
  }
  CHECK_THROWS(sim::resource_series_index("no such series"));
}

TEST_CASE("every resource series is collected and survives the codec with its shape", "[series]") {
  Run run;
  sim::Recorder rec(run.calendar, {}, {}, {}, {}, nullptr);
  run.simulate(rec);
  const auto back = sim::from_bytes(sim::to_bytes(sim::collect(rec, run.results)));
  const auto& table = sim::resource_series();
  REQUIRE(back.series.size() == table.size());
  for (size_t s = 0; s < table.size(); ++s) {
    INFO(table[s].name);
    REQUIRE(back.series[s].size() == 1);  // one resource
    CHECK(back.series[s][0] == table[s].of(rec.resources()[0]));
    CHECK(back.series[s][0].size() == 2);  // two months
  }
  // And the table reads the right levels: tonnes are capped at the 25 t of storage, 4 TEU wait.
  CHECK(back.series[sim::resource_series_index("storage_tonnes_max")][0][0] == 25);
  CHECK(back.series[sim::resource_series_index("queue_teu_max")][0][0] == 4);
}

TEST_CASE("every resource series reaches the single-run and the replication file", "[series]") {
  char dir[] = "/tmp/caspian-series-XXXXXX";
  REQUIRE(mkdtemp(dir));
  const std::string single = std::string(dir) + "/run.h5", reps = std::string(dir) + "/reps.h5";
  Run run;
  {
    sim::ResultFile file(single, true);
    sim::Recorder rec(run.calendar, {}, {}, {}, {}, &file);
    run.simulate(rec);
    file.write_results(rec, run.results);
    file.commit();

    sim::Experiment e;
    e.layout = sim::layout_of(rec);
    for (int r = 0; r < 2; ++r) {
      e.reps.push_back(sim::from_bytes(sim::to_bytes(sim::collect(rec, run.results))));
      e.ok.push_back(true);
      e.errors.push_back("");
    }
    sim::write_experiment_file(reps, e);
  }
  for (const auto& [path, dims] : {std::pair{single, std::vector<hsize_t>{2}}, std::pair{reps, std::vector<hsize_t>{2, 2}}}) {
    const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    REQUIRE(f >= 0);
    for (const auto& d : sim::resource_series()) {
      INFO(path << ": " << d.name);
      const auto s = shape_of(f, "/resources/quay/" + d.name);
      CHECK(s.exists);
      CHECK(s.described);
      CHECK(s.dims == dims);
    }
    H5Fclose(f);
    std::remove(path.c_str());
  }
  rmdir(dir);
}
