#include "compiler/emit/launchd.h"

#include <string>
#include <utility>

#include "runtime/base/file_system.h"
#include "runtime/base/text.h"

namespace clawgate {
namespace {

// A small plist writer: keys in the order given.
class Dict {
 public:
  Dict& String(const std::string& key, const std::string& value) {
    body_ += "  <key>" + XmlEscape(key) + "</key>\n  <string>" + XmlEscape(value) + "</string>\n";
    return *this;
  }
  Dict& Bool(const std::string& key, bool value) {
    body_ += "  <key>" + XmlEscape(key) + "</key>\n  <" + (value ? "true" : "false") + "/>\n";
    return *this;
  }
  Dict& Integer(const std::string& key, int value) {
    body_ += "  <key>" + XmlEscape(key) + "</key>\n  <integer>" + std::to_string(value) + "</integer>\n";
    return *this;
  }
  Dict& Array(const std::string& key, const std::vector<std::string>& values) {
    body_ += "  <key>" + XmlEscape(key) + "</key>\n  <array>\n";
    for (const std::string& v : values) body_ += "    <string>" + XmlEscape(v) + "</string>\n";
    body_ += "  </array>\n";
    return *this;
  }
  Dict& Strings(const std::string& key, const std::vector<std::pair<std::string, std::string>>& values) {
    body_ += "  <key>" + XmlEscape(key) + "</key>\n  <dict>\n";
    for (const auto& [k, v] : values) {
      body_ += "    <key>" + XmlEscape(k) + "</key>\n    <string>" + XmlEscape(v) + "</string>\n";
    }
    body_ += "  </dict>\n";
    return *this;
  }
  std::string Render() const {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
           "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
           "<plist version=\"1.0\">\n<dict>\n" +
           body_ + "</dict>\n</plist>\n";
  }

 private:
  std::string body_;
};

}  // namespace

std::vector<OutputFile> LaunchdJobs(const CompiledEnvironment& env) {
  const std::string prefix = env.launchd_label_prefix.value_or(kDefaultLabelPrefix);
  const std::string& home = env.host.home;
  const std::string state = home + "/.clawgate";
  const std::string inbox = state + "/inbox/" + env.name;
  const std::string logs = home + "/Library/Logs/clawgate";
  const std::string store =
      env.target == Target::kOpenClaw2026_9 ? ExpandHome(env.state_dir, home) : home + "/.clawdbot/exec-approvals.json";
  std::vector<std::string> base = {kHostProgramPath, "--state-dir", state};
  if (env.target == Target::kOpenClaw2026_9) {
    base.push_back("--openclaw");
    base.push_back(kOpenClawPath);
  }
  const std::vector<std::pair<std::string, std::string>> environment = {{"PATH", "/usr/bin:/bin:/usr/sbin:/sbin"},
                                                                        {"HOME", home}};
  const auto job = [&](const std::string& name, std::vector<std::string> args) {
    const std::string label = prefix + "." + env.name + "." + name;
    std::vector<std::string> program = base;
    program.insert(program.end(), args.begin(), args.end());
    Dict dict;
    dict.String("Label", label)
        .Array("ProgramArguments", program)
        .Strings("EnvironmentVariables", environment)
        .String("WorkingDirectory", state)
        .String("StandardOutPath", logs + "/" + env.name + "." + name + ".log")
        .String("StandardErrorPath", logs + "/" + env.name + "." + name + ".log")
        .String("ProcessType", "Background")
        .Bool("RunAtLoad", true);
    return std::make_pair(label, dict);
  };
  std::vector<OutputFile> out;
  {
    auto [label, dict] = job("apply", {"apply", "--inbox", inbox});
    dict.Array("WatchPaths", {inbox});
    out.push_back({"launchd/" + label + ".plist", dict.Render()});
  }
  {
    auto [label, dict] = job("verify", {"verify", "--env", env.name, "--repair"});
    dict.Array("WatchPaths", {store}).Integer("StartInterval", 300);
    out.push_back({"launchd/" + label + ".plist", dict.Render()});
  }
  {
    auto [label, dict] = job("revert", {"revert", "--env", env.name});
    dict.Integer("StartInterval", 60);
    out.push_back({"launchd/" + label + ".plist", dict.Render()});
  }
  return out;
}

}  // namespace clawgate
