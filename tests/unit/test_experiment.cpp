// The experiment machinery without simulating: worker processes, failures, statistics.
#include <catch2/catch.hpp>

#include <cmath>
#include <csignal>
#include <cerrno>
#include <stdexcept>

#include <sys/wait.h>

#include "sim/experiment/parallel.h"
#include "sim/experiment/replication.h"
#include "sim/analysis/stats.h"

TEST_CASE("worker results come back in task order whatever the number of workers", "[experiment]") {
  for (int jobs : {1, 2, 5}) {
    const auto out = sim::run_forked(7, jobs, [](int i) { return std::string(static_cast<size_t>(i) + 1, 'x'); });
    REQUIRE(out.size() == 7);
    for (int i = 0; i < 7; ++i) {
      CHECK(out[i].ok);
      CHECK(out[i].output == std::string(static_cast<size_t>(i) + 1, 'x'));
    }
  }
}

TEST_CASE("a task that throws or crashes is recorded as failed and the others still land", "[experiment]") {
  const auto out = sim::run_forked(5, 2, [](int i) -> std::string {
    if (i == 1) throw std::runtime_error("deadlock in replication 1");
    if (i == 3) std::raise(SIGSEGV);
    return std::to_string(i);
  });
  CHECK(out[0].ok);
  CHECK_FALSE(out[1].ok);
  CHECK(out[1].error == "deadlock in replication 1");
  CHECK(out[2].ok);
  CHECK_FALSE(out[3].ok);
  CHECK(out[3].error.find("died") != std::string::npos);
  CHECK(out[4].output == "4");
}

TEST_CASE("what the relay prepares reaches every worker and its failure fails every task", "[experiment]") {
  static int prepared = 0;  // set in the relay only: workers see it, this process does not
  const auto ok = sim::run_forked(3, 2, [](int) { return std::to_string(prepared); }, {}, [] { prepared = 7; });
  for (const auto& o : ok) CHECK(o.output == "7");
  CHECK(prepared == 0);
  const auto failed = sim::run_forked(3, 2, [](int) { return std::string("ran"); }, {}, [] { throw std::runtime_error("no engine"); });
  for (const auto& o : failed) {
    CHECK_FALSE(o.ok);
    CHECK(o.error == "the relay could not start the workers: no engine");
  }
}

TEST_CASE("when the caller's handler throws, no worker outlives the call and signals are unblocked", "[experiment]") {
  // A checkpoint that cannot be written throws from on_outcome: the run must end cleanly, not leave
  // the relay and its workers running or SIGINT blocked.
  auto throwing = [](int, const sim::TaskOutcome&) { throw std::runtime_error("disk full"); };
  CHECK_THROWS_WITH(sim::run_forked(6, 2, [](int i) { return std::to_string(i); }, {}, {}, throwing), "disk full");
  CHECK(waitpid(-1, nullptr, WNOHANG) == -1);  // no child left: the relay was reaped
  CHECK(errno == ECHILD);
  sigset_t now;
  sigprocmask(SIG_SETMASK, nullptr, &now);
  CHECK_FALSE(sigismember(&now, SIGINT));
  CHECK_FALSE(sigismember(&now, SIGTERM));
}

TEST_CASE("large outputs pass through the pipe intact", "[experiment]") {
  const auto out = sim::run_forked(3, 3, [](int i) { return std::string(1 << 20, static_cast<char>('a' + i)); });
  for (int i = 0; i < 3; ++i) CHECK(out[i].output == std::string(1 << 20, static_cast<char>('a' + i)));
}

TEST_CASE("the confidence interval is the Student-t interval of the mean", "[experiment]") {
  // Values 1..5: mean 3, sd sqrt(2.5), t(0.975, 4) = 2.7764451 (tables give 2.776).
  const auto s = sim::summarize({1, 2, 3, 4, 5});
  CHECK(s.n == 5);
  CHECK(s.mean == 3);
  CHECK(s.sd == Approx(std::sqrt(2.5)));
  CHECK(s.ci_high == Approx(3 + 2.7764451 * std::sqrt(2.5) / std::sqrt(5.0)));
  CHECK(s.ci_low == Approx(3 - 2.7764451 * std::sqrt(2.5) / std::sqrt(5.0)));
  CHECK(s.p50 == 3);
  CHECK(s.p5 == Approx(1.2));
  CHECK(s.p95 == Approx(4.8));
  // Published table values (e.g. NIST/SEMATECH e-Handbook, Student's t table), to their 3 decimals.
  CHECK(sim::t_quantile(0.975, 1) == Approx(12.706).epsilon(1e-4));
  CHECK(sim::t_quantile(0.975, 30) == Approx(2.042).epsilon(1e-3));
  CHECK(sim::t_quantile(0.975, 60) == Approx(2.000).epsilon(1e-3));
  CHECK(sim::t_quantile(0.975, 1000) == Approx(1.962).epsilon(1e-3));
  CHECK(sim::t_quantile(0.95, 10) == Approx(1.812).epsilon(1e-3));
  CHECK(std::isnan(sim::t_quantile(0.975, 0)));
}

TEST_CASE("a replication result survives the trip through bytes", "[experiment]") {
  sim::ReplicationResult r;
  r.metric_monthly = {{1, 2, 3}, {4.5, 5.25, 0.1}};
  r.metric_total = {6, 9.85};
  r.series = {{{0.5, 0.25, 1}, {0, 0, 0}}, {{3, 2, 7}, {1, 1, 1}}, {{4, 4, 9}, {2, 2, 2}}};  // [series][resource][month]
  r.utilisation_mean = {0.6, 0};
  r.bottlenecks = {"ferry"};
  r.events = 42;
  r.transit_mean = {3.5, std::nan("")};
  r.transit_monthly = {{{1, 2, 3}, {1, 2, 3}, {1, 2, 3}, {1, 1, 1}}, {{std::nan(""), 4, 5}, {0, 4, 5}, {0, 4, 5}, {0, 1, 1}}};
  r.layout.metrics = {"a", "b"};
  r.layout.months = {"2025-01", "2025-02", "2025-03"};
  const auto back = sim::from_bytes(sim::to_bytes(r));
  CHECK(back.metric_monthly == r.metric_monthly);
  CHECK(back.metric_total == r.metric_total);
  CHECK(back.series == r.series);
  CHECK(back.utilisation_mean == r.utilisation_mean);
  CHECK(back.bottlenecks == r.bottlenecks);
  CHECK(back.events == 42);
  CHECK(back.transit_mean[0] == 3.5);
  CHECK(std::isnan(back.transit_mean[1]));
  REQUIRE(back.transit_monthly.size() == 2);
  CHECK(back.transit_monthly[0] == r.transit_monthly[0]);
  CHECK(std::isnan(back.transit_monthly[1][0][0]));
  CHECK(back.transit_monthly[1][3] == r.transit_monthly[1][3]);
  CHECK(back.layout.metrics == r.layout.metrics);
  CHECK(back.layout.months == r.layout.months);
}

#include "sim/analysis/transit_monthly.h"

TEST_CASE("transit times are binned by delivery month: mean, p50, p95, n", "[experiment]") {
  const sim::Calendar cal(sim::parse_date("2025-01-01"), sim::parse_date("2025-04-01"));  // Jan, Feb, Mar
  sim::TransitStats t;
  const double day = 86400;
  // Three deliveries in January (days 2, 4, 9 in transit), none in February, one on 1 March (day 59).
  t.days = {2, 4, 9, 6};
  t.at = {1 * day, 10 * day, 30.9 * day, 59 * day};
  const auto m = sim::monthly_transit(cal, t);
  REQUIRE(m.size() == 4);
  CHECK(sim::transit_statistic_names()[sim::kTransitN] == "n");
  CHECK(m[sim::kTransitN] == std::vector<double>{3, 0, 1});
  CHECK(m[sim::kTransitMean][0] == 5);
  CHECK(m[sim::kTransitP50][0] == 4);
  CHECK(m[sim::kTransitP95][0] == Approx(8.5));  // linear interpolation between 4 and 9 at 0.95 x 2 = 1.9
  for (size_t s = 0; s < 3; ++s) CHECK(std::isnan(m[s][1]));  // February: nothing delivered
  CHECK(m[sim::kTransitMean][2] == 6);
  CHECK(m[sim::kTransitP95][2] == 6);
}

#include <sstream>
#include <sys/stat.h>

#include "sim/output/experiment_output.h"
#include "sim/output/experiment_summary.h"

TEST_CASE("a failed replication is reported with its reason and the others are summarised", "[experiment]") {
  sim::Experiment e;
  e.info.scenario_name = "test";
  e.layout.months = {"2025-01"};
  e.layout.metrics = {"teu"};
  e.layout.metric_units = {"TEU"};
  e.layout.metric_descriptions = {""};
  for (int r = 0; r < 3; ++r) {
    sim::ReplicationResult rep;
    rep.metric_monthly = {{10.0 * (r + 1)}};
    rep.metric_total = {10.0 * (r + 1)};
    e.ok.push_back(r != 1);
    e.errors.push_back(r == 1 ? "the simulation deadlocked" : "");
    e.reps.push_back(r == 1 ? sim::ReplicationResult{} : rep);
  }
  const auto json = sim::experiment_json(e, "x.h5");
  CHECK(json["failed"] == nlohmann::ordered_json::parse(R"([{"replication": 1, "reason": "the simulation deadlocked"}])"));
  const auto& total = json["metrics"]["teu"]["total"];  // replications 0 and 2: 10 and 30
  CHECK(total["n"] == 2);
  CHECK(total["mean"] == 20.0);
  CHECK(total["units"] == "TEU");
  std::ostringstream table;
  sim::print_experiment_table(table, e, "x.h5");
  CHECK(table.str().find("replication 1 failed: the simulation deadlocked") != std::string::npos);

  char dir[] = "/tmp/caspian-exp-XXXXXX";
  REQUIRE(mkdtemp(dir));
  const std::string path = std::string(dir) + "/e.h5";
  sim::write_experiment_file(path, e);
  struct stat st {};
  CHECK(stat(path.c_str(), &st) == 0);
  CHECK(st.st_size > 0);
  std::remove(path.c_str());
  rmdir(dir);
}
