#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "runtime/base/timestamp.h"
#include "runtime/host/commands.h"

namespace clawgate {
namespace {

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : fallback;
}

}  // namespace

std::string HostName() {
  char buffer[256] = {};
  return ::gethostname(buffer, sizeof buffer - 1) == 0 ? buffer : "unknown";
}

HostFlags::HostFlags() : home_(EnvOr("HOME", "")) {
  if (home_[0] != '/') home_.clear();  // a relative HOME is no home
  state_dir_ = home_.empty() ? "" : home_ + "/.clawgate";
}

void HostFlags::AddTo(CLI::App* command, const std::vector<OutputFormat>& formats) {
  command->add_option("--state-dir", state_dir_, "clawgate-host state: pinned artifacts, events.jsonl");
  command->add_option("--openclaw", openclaw_, "the openclaw command");
  command->add_option("--openclaw-home", openclaw_home_, "OpenClaw home (default: the manifest's state_dir)");
  cli::AddAtOption(command, &at_);
  cli::AddFormatOption(command, &format_, formats);
  command->add_option("--events-max-size", events_max_bytes_, "rotate events.jsonl before it grows past this (10MiB)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--events-max-age", events_max_age_, "rotate events.jsonl once its first event is this old")
      ->capture_default_str();
  command->add_option("--events-keep", events_keep_, "rotated event logs kept (events.jsonl.1 ..)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
}

std::optional<int64_t> ParseDuration(const std::string& text) {
  if (text.size() < 2) return std::nullopt;
  int64_t unit = 0;
  switch (text.back()) {
    case 's':
      unit = 1;
      break;
    case 'm':
      unit = 60;
      break;
    case 'h':
      unit = 3600;
      break;
    case 'd':
      unit = 86400;
      break;
    default:
      return std::nullopt;
  }
  int64_t n = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9' || n > 1000000000) return std::nullopt;
    n = n * 10 + (text[i] - '0');
  }
  return n > 0 ? std::optional<int64_t>(n * unit) : std::nullopt;
}

std::optional<HostOptions> HostFlags::Resolve(std::string* error) const {
  HostOptions options;
  const auto max_age = ParseDuration(events_max_age_);
  if (!max_age) {
    *error = "--events-max-age: expected a duration such as 90m, 12h or 7d, not \"" + events_max_age_ + "\"";
    return std::nullopt;
  }
  options.event_log.max_age = *max_age;
  options.event_log.max_bytes = events_max_bytes_;
  options.event_log.keep = events_keep_;
  const auto now = cli::ResolveAt(at_, error);
  if (!now) return std::nullopt;
  if (state_dir_.empty()) {
    *error = "--state-dir is required when HOME is not set";
    return std::nullopt;
  }
  options.now = *now;
  options.state_dir = state_dir_;
  options.openclaw = openclaw_;
  if (!openclaw_home_.empty()) options.openclaw_home = openclaw_home_;
  options.home = home_;
  options.format = format_;
  return options;
}

}  // namespace clawgate
