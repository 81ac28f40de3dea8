#include "sim/kernel/log.h"

#include <simgrid/s4u/Actor.hpp>
#include <simgrid/s4u/Engine.hpp>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <xbt/log.h>

#include <cmath>
#include <cstdio>
#include <cstring>

#include "sim/core/calendar.h"

namespace sim::log {
namespace {

long g_start_day = 0;
bool g_engine_alive = false;

// "%*" in the pattern: simulated date and time, and the acting model actor when there is one.
class SimClockFlag : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg&, const std::tm&, spdlog::memory_buf_t& dest) override {
    std::string text = "setup";
    if (g_engine_alive) {
      const double t = simgrid::s4u::Engine::get_clock();
      const long day = g_start_day + static_cast<long>(std::floor(t / 86400.0));
      const double sec = t - std::floor(t / 86400.0) * 86400.0;
      char buf[64];
      std::snprintf(buf, sizeof buf, "%s %02d:%02d", format_date(day).c_str(), static_cast<int>(sec / 3600),
                    static_cast<int>(std::fmod(sec, 3600.0) / 60));
      text = buf;
      if (const auto* self = simgrid::s4u::Actor::self(); self && !self->get_name().empty()) text += " " + self->get_name();
    }
    dest.append(text.data(), text.data() + text.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<SimClockFlag>(); }
};

std::shared_ptr<spdlog::sinks::sink> sink() {
  static auto s = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  return s;
}

spdlog::level::level_enum g_level = spdlog::level::warn;

ssize_t xbt_write(void*, const char* buf, size_t size) {
  // Layout "%p|%c|%m%n": priority, category, message.
  std::string line(buf, size);
  while (!line.empty() && line.back() == '\n') line.pop_back();
  const auto a = line.find('|'), b = line.find('|', a == std::string::npos ? 0 : a + 1);
  auto lvl = spdlog::level::info;
  std::string msg = line;
  if (a != std::string::npos && b != std::string::npos) {
    const std::string p = line.substr(0, a);
    msg = line.substr(a + 1, b - a - 1) + ": " + line.substr(b + 1);
    if (p == "WARNING") lvl = spdlog::level::warn;
    else if (p == "ERROR" || p == "CRITICAL") lvl = spdlog::level::err;
    else if (p == "DEBUG" || p == "TRACE") lvl = spdlog::level::debug;
  }
  get("simgrid")->log(lvl, "{}", msg);
  return static_cast<ssize_t>(size);
}

}  // namespace

void setup(const std::string& level) {
  g_level = spdlog::level::from_str(level);
  sink()->set_level(spdlog::level::trace);
  auto formatter = std::make_unique<spdlog::pattern_formatter>();
  formatter->add_flag<SimClockFlag>('*').set_pattern("[%*] %n %^%l%$: %v");
  sink()->set_formatter(std::move(formatter));
  spdlog::apply_all([](const std::shared_ptr<spdlog::logger>& l) { l->set_level(g_level); });
}

std::shared_ptr<spdlog::logger> get(const std::string& name) {
  if (auto existing = spdlog::get(name)) return existing;
  auto logger = std::make_shared<spdlog::logger>(name, sink());
  logger->set_level(g_level);
  spdlog::register_logger(logger);
  return logger;
}

void set_start_day(long day) { g_start_day = day; }

void route_simgrid() {
  // SimGrid only speaks up for warnings unless our level asks for more.
  const char* thres = g_level <= spdlog::level::debug ? "root.thres:info" : "root.thres:warning";
  xbt_log_control_set(thres);
  static FILE* stream = [] {
    cookie_io_functions_t io{};
    io.write = xbt_write;
    FILE* f = fopencookie(nullptr, "w", io);
    setvbuf(f, nullptr, _IOLBF, 0);
    return f;
  }();
  xbt_log_appender_set(&_simgrid_log_category__root, xbt_log_appender_stream(stream));
  xbt_log_layout_set(&_simgrid_log_category__root, xbt_log_layout_format_new("%p|%c|%m%n"));
  xbt_log_additivity_set(&_simgrid_log_category__root, 0);
}

void engine_started(bool alive) { g_engine_alive = alive; }

}  // namespace sim::log
