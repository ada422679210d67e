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
}

std::optional<HostOptions> HostFlags::Resolve(std::string* error) const {
  HostOptions options;
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
